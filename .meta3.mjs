import * as esbuild from 'esbuild';
import { extensionBuildOptions } from './scripts/lib/extensionBuild.mjs';
const r = await esbuild.build({ ...extensionBuildOptions, bundle:true, minify:true, write:false, metafile:true});
const outs = r.metafile.outputs;
const key = Object.keys(outs).find(k=>k.endsWith('extension.mjs'));
const seen=new Set(); const stack=[key]; while(stack.length){const k=stack.pop(); if(seen.has(k)) continue; seen.add(k); for(const i of outs[k].imports) if(i.kind==='import-statement' && outs[i.path]) stack.push(i.path);}
const inputs={}; for(const k of seen) for(const [f,v] of Object.entries(outs[k].inputs)) inputs[f]=(inputs[f]||0)+v.bytesInOutput;
console.log(Object.entries(inputs).sort((a,b)=>b[1]-a[1]).slice(0,70).map(([k,v])=>`${(v/1024).toFixed(1)}\t${k}`).join('\n'));
