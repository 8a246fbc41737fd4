import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as R from './reference/ch13-attention-transformers/transformer-encoder-layer.ts';
import * as S from './solutions/ch13-attention-transformers/transformer-encoder-layer/transformer-encoder-layer.ts';
await tf.setBackend(process.argv[2] ?? 'cpu');
const r = () => Math.round((Math.random()*4-2)*8)/8;
const M = (a:number,b:number)=>Array.from({length:a},()=>Array.from({length:b},r));
const V = (a:number)=>Array.from({length:a},r);
let worst=0;
for (let t=0;t<50;t++){ const n=1+Math.floor(Math.random()*4), d=[2,4,6][t%3]!, heads=d===6?3:2, dff=3;
 const p={Wq:M(d,d),Wk:M(d,d),Wv:M(d,d),Wo:M(d,d),W1:M(d,dff),b1:V(dff),W2:M(dff,d),b2:V(d),gamma1:V(d),beta1:V(d),gamma2:V(d),beta2:V(d)};
 const X=M(n,d); const a=R.encoderLayer(X,p,heads).flat(), b=S.encoderLayer(X,p,heads).flat();
 for (let i=0;i<a.length;i++) worst=Math.max(worst,Math.abs(a[i]!-b[i]!));
 const g=V(d), be=V(d); const la=R.layerNorm(X,g,be,1e-3).flat(), lb=S.layerNorm(X,g,be,1e-3).flat();
 for (let i=0;i<la.length;i++) worst=Math.max(worst,Math.abs(la[i]!-lb[i]!));
}
console.log(tf.getBackend(),'worst',worst, tf.memory().numTensors);
console.log(JSON.stringify(S.layerNorm([[1, 3], [0, 4]], [2, 1], [0, 0.5], 0)));
