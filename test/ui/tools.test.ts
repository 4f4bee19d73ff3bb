/**
 * UI journeys of issue 16 in a real VS Code (code-server): the model asks for a tool, the card
 * appears in the answer, the user allows or denies it, and the next request carries the result;
 * a path outside the workspace is refused without a card; propose_edit opens the reviewed diff;
 * web search sources are listed as links.
 */
import * as assert from 'node:assert/strict';
import type { MockOpenRouter } from '../server/openRouterServer';
import { useJourney } from './journey';
import { answerFinished, waitFor, type Workbench } from './workbench';

interface Body {
  messages: { role: string; content: string | null }[];
  tools?: { type: string }[];
}

function chatBodies(mock: MockOpenRouter, from: number): Body[] {
  return mock.requests.slice(from).filter((request) => request.path.endsWith('/chat/completions')).map((request) => request.body as Body);
}

function toolMessage(mock: MockOpenRouter, from: number): string | undefined {
  return chatBodies(mock, from)[1]?.messages.find((message) => message.role === 'tool')?.content ?? undefined;
}

/** New chat, then wait until the old answers are gone (ask() counts answers to see the new one). */
async function newChat(workbench: Workbench): Promise<void> {
  await workbench.titleAction('New chat').click();
  await waitFor('an empty chat', async () => ((await workbench.messages('Assistant').count()) === 0 ? true : undefined));
}

describe('Tools in VS Code', function () {
  const journey = useJourney('tools');

  it('read_file: the card asks, Allow runs it, and the next request carries the file', async () => {
    const { workbench, mock } = journey();
    const before = mock.requests.length;
    const answer = await workbench.ask('[[mock:tool-loop]] What does math.ts export?');
    const card = answer.getByRole('group', { name: 'Tool call', exact: true });
    await card.getByRole('button', { name: 'Allow', exact: true }).waitFor({ timeout: 30_000 });
    assert.match(await card.innerText(), /read_file[\s\S]*Read src\/math\.ts/);
    await card.getByRole('button', { name: 'Allow', exact: true }).click();
    await answerFinished(answer);
    assert.match(toolMessage(mock, before) ?? '', /export function add\(a: number, b: number\): number \{/);
    await card.getByText(/^Done: \d+ lines$/).waitFor();
  });

  it('a denied call sends "The user denied this." and the card says Denied', async () => {
    const { workbench, mock } = journey();
    await newChat(workbench);
    const before = mock.requests.length;
    const answer = await workbench.ask('[[mock:tool-loop args={"path":"README.md"}]] Summarize the readme.');
    const card = answer.getByRole('group', { name: 'Tool call', exact: true });
    await card.getByRole('button', { name: 'Deny', exact: true }).click({ timeout: 30_000 });
    await answerFinished(answer);
    assert.equal(toolMessage(mock, before), 'The user denied this.');
    await card.getByText('Denied: denied').waitFor();
  });

  it('a path outside the workspace is refused without a card', async () => {
    const { workbench, mock } = journey();
    await newChat(workbench);
    const before = mock.requests.length;
    const answer = await workbench.ask('[[mock:tool-loop args={"path":"../../../etc/hostname"}]] Read that.');
    await answerFinished(answer);
    assert.match(toolMessage(mock, before) ?? '', /^Refused: .*outside the workspace/);
    assert.equal(await answer.getByRole('group', { name: 'Tool call', exact: true }).count(), 0);
  });

  it('propose_edit opens the reviewed diff; discarding it is reported to the model', async () => {
    const { workbench, mock } = journey();
    await newChat(workbench);
    const before = mock.requests.length;
    const answer = await workbench.ask('[[mock:tool-loop tool=propose_edit args={"path":"src/math.ts","startLine":4,"endLine":4,"newText":"return(b+a);"}]] Swap it.');
    await answer.getByRole('group', { name: 'Tool call', exact: true }).getByText('Waiting for your review of the diff').waitFor({ timeout: 30_000 });
    await waitFor('the diff tab', async () => ((await workbench.page.getByRole('tab', { name: /proposed change/ }).count()) > 0 ? true : undefined));
    await workbench.runCommandById('openrouterChat.discardApply');
    await answerFinished(answer);
    assert.match(toolMessage(mock, before) ?? '', /discarded the edit/);
  });

  it('web search: the toggle sends the server tool, and the sources are links', async () => {
    const { workbench, mock } = journey();
    await newChat(workbench);
    const toggle = workbench.button('Web search');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const before = mock.requests.length;
    const answer = await workbench.ask('[[mock:web-search]] What is new?');
    await answerFinished(answer);
    assert.ok(chatBodies(mock, before)[0]?.tools?.some((tool) => tool.type === 'openrouter:web_search'));
    const links = answer.getByRole('list', { name: 'Sources', exact: true }).getByRole('link');
    assert.deepEqual(await links.allInnerTexts(), ['VS Code API', 'OpenRouter server tools']);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  });
});
