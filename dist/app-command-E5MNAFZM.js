import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CommandFailure,
  UsageError
} from "./chunk-P5OEHBJA.js";
import {
  httpUrl
} from "./chunk-IZEX6PKC.js";
import "./chunk-VA35IVHB.js";

// src/service/app-command.ts
import { parseArgs } from "node:util";
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";

// src/service/app-create.ts
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { join } from "node:path";

// src/service/app-manifest.ts
var APP_PERMISSIONS = {
  checks: "write",
  pull_requests: "write",
  contents: "read",
  actions: "read",
  metadata: "read"
};
var APP_EVENTS = ["check_run", "workflow_job", "repository"];
function appManifest(options) {
  return {
    name: options.name,
    url: "https://github.com/bind-probe/bind-probe",
    description: "Publishes bind-probe's report (one comment, one check run) once every expected platform has reported.",
    hook_attributes: { url: `${options.publicUrl}/api/v1/github/webhooks` },
    redirect_url: options.redirectUrl,
    public: false,
    default_permissions: { ...APP_PERMISSIONS },
    default_events: [...APP_EVENTS]
  };
}

// src/service/app-create.ts
async function startAppCreation(options) {
  const state = randomBytes(16).toString("hex");
  let resolveCreated;
  let rejectCreated;
  const created = new Promise((resolve2, reject) => {
    resolveCreated = resolve2;
    rejectCreated = reject;
  });
  let exchanged = false;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "GET" && url.pathname === "/") return page(res, form(options, base(), state));
    if (req.method === "GET" && url.pathname === "/callback") {
      const code = url.searchParams.get("code") ?? "";
      if (url.searchParams.get("state") !== state || !/^[\w-]{1,200}$/.test(code)) {
        return page(res, "<p>This link is not from the App creation this command started.</p>", 400);
      }
      if (exchanged) return page(res, "<p>The App was already created.</p>", 409);
      exchanged = true;
      convert(options, code).then(
        (app) => {
          page(
            res,
            `<p>Created <a href="${html(app.htmlUrl)}">${html(app.slug)}</a>. Install it on your repositories, then start the service (see the terminal).</p>`
          );
          resolveCreated(app);
        },
        (error) => {
          page(res, `<p>GitHub did not create the App: ${html(error.message)}</p>`, 502);
          rejectCreated(error);
        }
      );
      return;
    }
    page(res, "<p>Not found.</p>", 404);
  });
  await new Promise((resolve2, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve2);
  });
  const base = () => `http://127.0.0.1:${server.address().port}`;
  return {
    url: `${base()}/`,
    created,
    close: () => new Promise((resolve2) => {
      server.closeAllConnections();
      server.close(() => resolve2());
    })
  };
}
function form(options, base, state) {
  const manifest = appManifest({
    name: options.name,
    publicUrl: options.publicUrl,
    redirectUrl: `${base}/callback`
  });
  const owner = options.org ? `/organizations/${encodeURIComponent(options.org)}/settings/apps/new` : "/settings/apps/new";
  const action = `${options.serverUrl}${owner}?state=${state}`;
  return `<p>Create the GitHub App <strong>${html(options.name)}</strong> for ${html(options.publicUrl)}:</p>
<form method="post" action="${html(action)}">
<input type="hidden" name="manifest" value="${html(JSON.stringify(manifest))}">
<button type="submit">Create on GitHub</button>
</form>`;
}
async function convert(options, code) {
  const response = await fetch(`${options.apiUrl}/app-manifests/${code}/conversions`, {
    method: "POST",
    headers: { accept: "application/vnd.github+json", "user-agent": "bind-probe" },
    signal: AbortSignal.timeout(options.requestTimeoutMs)
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(
      `${response.status} ${typeof body.message === "string" ? body.message : ""}`.trim()
    );
  }
  if (typeof body.id !== "number" || typeof body.pem !== "string" || typeof body.webhook_secret !== "string") {
    throw new Error("the answer has no id, pem or webhook_secret");
  }
  const keyFile = join(options.out, "bind-probe-app.pem");
  const envFile = join(options.out, "bind-probe-app.env");
  await writeFile(keyFile, body.pem, { mode: 384, flag: "wx" });
  await writeFile(
    envFile,
    [
      `GITHUB_APP_ID=${body.id}`,
      `GITHUB_APP_PRIVATE_KEY_FILE=${keyFile}`,
      `GITHUB_WEBHOOK_SECRET=${body.webhook_secret}`,
      `GITHUB_API_URL=${options.apiUrl}`,
      `GITHUB_SERVER_URL=${options.serverUrl}`,
      `BIND_PROBE_PUBLIC_URL=${options.publicUrl}`,
      ""
    ].join("\n"),
    { mode: 384, flag: "wx" }
  );
  return {
    id: body.id,
    slug: typeof body.slug === "string" ? body.slug : String(body.id),
    htmlUrl: typeof body.html_url === "string" ? body.html_url : "",
    keyFile,
    envFile
  };
}
function page(res, body, status = 200) {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": "default-src 'none'; form-action https: http:"
  });
  res.end(`<!doctype html><meta charset="utf-8"><title>bind-probe app create</title>${body}
`);
}
function html(text) {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]
  );
}

// src/service/app-command.ts
async function appCommand(argv, io) {
  const [sub, ...rest] = argv;
  if (sub !== "create")
    throw new UsageError(`unknown app command "${sub ?? ""}"; try: bind-probe app create --help`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      "public-url": { type: "string" },
      name: { type: "string" },
      org: { type: "string" },
      "github-server-url": { type: "string" },
      "github-api-url": { type: "string" },
      out: { type: "string" },
      port: { type: "string" }
    },
    allowPositionals: true
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const publicUrl = httpUrl2(values["public-url"], "--public-url");
  if (!publicUrl)
    throw new UsageError(
      "--public-url is required: the URL runners and GitHub reach the service at"
    );
  const serverUrl = httpUrl2(values["github-server-url"] ?? process.env.GITHUB_SERVER_URL, "--github-server-url") ?? "https://github.com";
  const apiUrl = httpUrl2(values["github-api-url"] ?? process.env.GITHUB_API_URL, "--github-api-url") ?? (serverUrl === "https://github.com" ? "https://api.github.com" : `${serverUrl}/api/v3`);
  const out = resolve(values.out ?? ".");
  if (!existsSync(out) || !statSync(out).isDirectory())
    throw new UsageError(`--out ${out}: not a directory`);
  for (const file of ["bind-probe-app.pem", "bind-probe-app.env"]) {
    if (existsSync(resolve(out, file)))
      throw new CommandFailure(`${resolve(out, file)} exists: move it away or choose another --out`);
  }
  const port = values.port === void 0 ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  const creation = await startAppCreation({
    name: values.name ?? "bind-probe",
    publicUrl,
    ...values.org ? { org: values.org } : {},
    serverUrl,
    apiUrl,
    out,
    port,
    requestTimeoutMs: 3e4
  });
  io.stdout.write(
    `open ${creation.url} in a browser signed in to ${serverUrl}, and press "Create on GitHub"
`
  );
  try {
    const app = await creation.created;
    io.stdout.write(
      `created the GitHub App ${app.slug} (id ${app.id})${app.htmlUrl ? `: ${app.htmlUrl}` : ""}
wrote ${app.keyFile} and ${app.envFile} (readable by you only)
install the App on your repositories, then: set -a; . ${app.envFile}; set +a; bind-probe serve
`
    );
    return 0;
  } catch (error) {
    throw new CommandFailure(`GitHub did not create the App: ${error.message}`);
  } finally {
    await creation.close();
  }
}
function httpUrl2(value, name) {
  if (value === void 0 || value === "") return void 0;
  const url = httpUrl(value);
  if (!url) throw new UsageError(`${name} must be an http(s) URL, got "${value}"`);
  return url;
}
export {
  appCommand
};
