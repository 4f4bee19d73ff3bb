document.getElementById('app')?.append('OpenRouter Chat');
