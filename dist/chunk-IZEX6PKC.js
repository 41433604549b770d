import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/http-url.ts
function httpUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return void 0;
  }
  return url.protocol === "https:" || url.protocol === "http:" ? value.replace(/\/+$/, "") : void 0;
}

export {
  httpUrl
};
