import sharp from "sharp";
import { normaliseImage } from "@/lib/images/normalise";
const width=4000,height=3000; const pixels = Buffer.alloc(width * height * 3); let seed = 42;
const noise = () => { seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff; return (seed / 0x7fffffff - 0.5) * 28; };
const clamp=(v:number)=>Math.max(0,Math.min(255,Math.round(v)));
for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) { const index = (y * width + x) * 3; const wave = Math.sin(x / 37) * Math.cos(y / 53) * 40; const vase = (x - width / 2) ** 2 / 1200 ** 2 + (y - height / 2) ** 2 / 1000 ** 2 < 1;
  pixels[index] = clamp((vase ? 40 : 180) + (x / width) * 60 + wave + noise()); pixels[index + 1] = clamp((vase ? 70 : 160) + (y / height) * 50 - wave + noise()); pixels[index + 2] = clamp((vase ? 190 : 120) + wave / 2 + noise()); }
const big = await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).toBuffer();
const up = await sharp(big).resize(1600,1600,{fit:"inside"}).webp({quality:85}).toBuffer();
console.log("upload", up.length);
const t=async(name:string,f:()=>Promise<unknown>)=>{const r:number[]=[];for(let i=0;i<9;i++){const s=performance.now();await f();r.push(performance.now()-s);}r.sort((a,b)=>a-b);console.log(name,r[4].toFixed(1));};
await t("normalise", ()=>normaliseImage(up));
const {data,info}=await sharp(up).rotate().resize({width:1600,height:1600,fit:"inside"}).raw().toBuffer({resolveWithObject:true});
const raw={raw:{width:info.width,height:info.height,channels:info.channels as 3}};
await t("decode", ()=>sharp(up).rotate().resize({width:1600,height:1600,fit:"inside"}).raw().toBuffer());
await t("webp full e2",()=>sharp(data,raw).webp({quality:82,effort:2}).toBuffer());
await t("webp full e0",()=>sharp(data,raw).webp({quality:82,effort:0}).toBuffer());
await t("webp thumb e2",()=>sharp(data,raw).resize(480,480,{fit:"inside"}).webp({quality:78,effort:2}).toBuffer());
await t("jpeg full q85",()=>sharp(data,raw).jpeg({quality:85}).toBuffer());
