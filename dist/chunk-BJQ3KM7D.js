import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  httpUrl
} from "./chunk-IZEX6PKC.js";

// src/service/settings.ts
import { createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
var SettingError = class extends Error {
  name = "SettingError";
};
var GITHUB_OIDC_ISSUER = "https://token.actions.githubusercontent.com";
var SETTINGS = [
  { flag: "--host", env: "BIND_PROBE_HOST", what: "address to listen on (default 127.0.0.1)" },
  {
    flag: "--port",
    env: "BIND_PROBE_PORT",
    what: "port to listen on; 0 picks a free one (default 3000)"
  },
  {
    flag: "--db",
    env: "DATABASE_URL",
    what: "a SQLite file (default ./bind-probe.sqlite) or a postgres:// URL"
  },
  {
    flag: "--public-url",
    env: "BIND_PROBE_PUBLIC_URL",
    what: "the URL runners upload to (default http://HOST:PORT)"
  },
  {
    flag: "--oidc-issuer",
    env: "BIND_PROBE_OIDC_ISSUER",
    what: `the OIDC issuer tokens must come from (default ${GITHUB_OIDC_ISSUER})`
  },
  {
    flag: "--oidc-audience",
    env: "BIND_PROBE_OIDC_AUDIENCE",
    what: "the one audience tokens must carry (default the public URL)"
  },
  {
    flag: "--operator-token",
    env: "BIND_PROBE_OPERATOR_TOKEN",
    what: "bearer token for listing and deleting stored data (unset: those routes are off)"
  },
  {
    flag: "--allow-owner-ids",
    env: "BIND_PROBE_ALLOWED_OWNER_IDS",
    what: "comma-separated numeric owner ids allowed to upload (default any)"
  },
  {
    flag: "--allow-repository-ids",
    env: "BIND_PROBE_ALLOWED_REPOSITORY_IDS",
    what: "comma-separated numeric repository ids allowed to upload (default any)"
  },
  {
    flag: "--body-limit",
    env: "BIND_PROBE_BODY_LIMIT_BYTES",
    what: "largest upload body in bytes (default 16777216)"
  },
  {
    flag: "--rate-limit",
    env: "BIND_PROBE_RATE_LIMIT",
    what: "uploads per minute per repository (default 600)"
  },
  {
    flag: "--request-timeout",
    env: "BIND_PROBE_REQUEST_TIMEOUT_MS",
    what: "longest time to receive a request, in ms (default 30000)"
  },
  {
    flag: "--github-app-id",
    env: "GITHUB_APP_ID",
    what: "the GitHub App that publishes reports (unset: results are collected, nothing is published)"
  },
  {
    flag: "--github-app-private-key-file",
    env: "GITHUB_APP_PRIVATE_KEY_FILE",
    what: "a file holding the App's private key (PEM); or the PEM itself in GITHUB_APP_PRIVATE_KEY (no flag: a key on the command line shows in `ps`)"
  },
  {
    flag: "--webhook-secret",
    env: "GITHUB_WEBHOOK_SECRET",
    what: "the App's webhook secret; webhooks are verified with it"
  },
  {
    flag: "--github-api-url",
    env: "GITHUB_API_URL",
    what: "GitHub REST API root (default https://api.github.com; GHES: https://HOST/api/v3)"
  },
  {
    flag: "--github-server-url",
    env: "GITHUB_SERVER_URL",
    what: "GitHub web root: links to runs, and where dashboard users log in (default https://github.com)"
  },
  {
    flag: "--report-deadline",
    env: "BIND_PROBE_REPORT_DEADLINE_MS",
    what: "how long a report waits for missing platforms, in ms (default 1800000: 30 minutes)"
  },
  {
    flag: "--publish-poll",
    env: "BIND_PROBE_PUBLISH_POLL_MS",
    what: "how often the outbox is polled for due publishes, in ms (default 1000)"
  },
  // --- History and dashboard (issue 11) ---
  {
    flag: "--history-days",
    env: "BIND_PROBE_HISTORY_DAYS",
    what: "days of outcome history kept for flip rates and the dashboard (default 90)"
  },
  {
    flag: "--flip-window",
    env: "BIND_PROBE_FLIP_WINDOW",
    what: "runs a flip rate looks back over (default 20)"
  },
  {
    flag: "--oauth-client-id",
    env: "GITHUB_OAUTH_CLIENT_ID",
    what: "the App's OAuth client id, for the dashboard's login (unset: public repositories only)"
  },
  {
    flag: "--oauth-client-secret",
    env: "GITHUB_OAUTH_CLIENT_SECRET",
    what: "the App's OAuth client secret"
  },
  {
    flag: "--session-secret",
    env: "BIND_PROBE_SESSION_SECRET",
    what: "signs the dashboard session cookie (at least 32 characters)"
  }
];
function readSettings(argv, env = process.env) {
  const options = Object.fromEntries(
    SETTINGS.map((s) => [s.flag.slice(2), { type: "string" }])
  );
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
  if (positionals.length) throw new SettingError(`unexpected argument "${positionals[0]}"`);
  const get = (flag) => {
    const setting = SETTINGS.find((s) => s.flag === flag);
    const fromFlag = values[flag.slice(2)];
    if (typeof fromFlag === "string") return { value: fromFlag, name: flag };
    const fromEnv = env[setting.env];
    return fromEnv !== void 0 && fromEnv !== "" ? { value: fromEnv, name: setting.env } : void 0;
  };
  const publicUrl = optional(get("--public-url"), httpUrl2);
  const audience = get("--oidc-audience");
  return {
    host: get("--host")?.value ?? "127.0.0.1",
    port: optional(get("--port"), whole(0, 65535)) ?? 3e3,
    database: get("--db")?.value ?? "./bind-probe.sqlite",
    ...publicUrl ? { publicUrl } : {},
    oidcIssuer: optional(get("--oidc-issuer"), httpUrl2) ?? GITHUB_OIDC_ISSUER,
    ...audience ? { oidcAudience: audience.value } : {},
    ...optionalField("operatorToken", get("--operator-token"), secret),
    ...optionalField("allowedOwnerIds", get("--allow-owner-ids"), ids),
    ...optionalField("allowedRepositoryIds", get("--allow-repository-ids"), ids),
    bodyLimitBytes: optional(get("--body-limit"), whole(1024, 1 << 30)) ?? 16 * 1024 * 1024,
    rateLimitPerMinute: optional(get("--rate-limit"), whole(1, 1e6)) ?? 600,
    requestTimeoutMs: optional(get("--request-timeout"), whole(100, 36e5)) ?? 3e4,
    ...optionalField(
      "githubApp",
      get("--github-app-id"),
      (value, name) => githubApp(value, name, get, env)
    ),
    reportDeadlineMs: optional(get("--report-deadline"), whole(1e3, 7 * 24 * 36e5)) ?? 30 * 6e4,
    publishPollMs: optional(get("--publish-poll"), whole(10, 6e4)) ?? 1e3,
    githubApiUrl: optional(get("--github-api-url"), httpUrl2) ?? "https://api.github.com",
    ...historySettings(get)
  };
}
function githubApp(value, name, get, env) {
  const appId = whole(1, Number.MAX_SAFE_INTEGER)(value, name);
  const inline = env.GITHUB_APP_PRIVATE_KEY ? { value: env.GITHUB_APP_PRIVATE_KEY, name: "GITHUB_APP_PRIVATE_KEY" } : void 0;
  const file = get("--github-app-private-key-file");
  if (inline && file) {
    throw new SettingError(`set ${inline.name} or ${file.name}, not both`);
  }
  if (!inline && !file) {
    throw new SettingError(
      `${name} is set, so GITHUB_APP_PRIVATE_KEY or GITHUB_APP_PRIVATE_KEY_FILE must be too`
    );
  }
  let privateKey;
  if (file) {
    try {
      privateKey = readFileSync(file.value, "utf8");
    } catch (error) {
      throw new SettingError(
        `${file.name}: cannot read ${file.value} (${error.code})`
      );
    }
  } else privateKey = inline.value.replace(/\\n/g, "\n");
  try {
    createPrivateKey(privateKey);
  } catch {
    throw new SettingError(`${(file ?? inline).name} is not a PEM private key`);
  }
  const webhookSecret = get("--webhook-secret");
  if (!webhookSecret) throw new SettingError(`${name} is set, so GITHUB_WEBHOOK_SECRET must be too`);
  return {
    appId,
    privateKey,
    webhookSecret: secret(webhookSecret.value, webhookSecret.name),
    apiUrl: optional(get("--github-api-url"), httpUrl2) ?? "https://api.github.com",
    serverUrl: optional(get("--github-server-url"), httpUrl2) ?? "https://github.com"
  };
}
function historySettings(get) {
  const id = get("--oauth-client-id");
  const secretOf = get("--oauth-client-secret");
  const session = get("--session-secret");
  const given = [id, secretOf, session].filter(Boolean);
  if (given.length > 0 && given.length < 3) {
    const missing = [
      id ? void 0 : "--oauth-client-id (GITHUB_OAUTH_CLIENT_ID)",
      secretOf ? void 0 : "--oauth-client-secret (GITHUB_OAUTH_CLIENT_SECRET)",
      session ? void 0 : "--session-secret (BIND_PROBE_SESSION_SECRET)"
    ].filter(Boolean);
    throw new SettingError(`the dashboard's login needs ${missing.join(" and ")} as well`);
  }
  return {
    historyDays: optional(get("--history-days"), whole(1, 36500)) ?? 90,
    flipWindow: optional(get("--flip-window"), whole(2, 1e3)) ?? 20,
    githubServerUrl: optional(get("--github-server-url"), httpUrl2) ?? "https://github.com",
    ...id && secretOf && session ? {
      oauth: {
        clientId: id.value,
        clientSecret: secretOf.value,
        sessionSecret: longSecret(session.value, session.name)
      }
    } : {}
  };
}
function longSecret(value, name) {
  if (value.length < 32) throw new SettingError(`${name} must be at least 32 characters`);
  return value;
}
function optional(found, parse) {
  return found ? parse(found.value, found.name) : void 0;
}
function optionalField(key, found, parse) {
  return found ? { [key]: parse(found.value, found.name) } : {};
}
function whole(min, max) {
  return (value, name) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      throw new SettingError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
    }
    return n;
  };
}
function httpUrl2(value, name) {
  const url = httpUrl(value);
  if (!url) throw new SettingError(`${name} must be an http(s) URL, got "${value}"`);
  return url;
}
function ids(value, name) {
  const list = value.split(",").map((s) => s.trim());
  for (const id of list) {
    if (!/^[1-9]\d*$/.test(id) || !Number.isSafeInteger(Number(id))) {
      throw new SettingError(
        `${name} must list numeric GitHub ids separated by commas (names change on a rename; ids do not), got "${id}"`
      );
    }
  }
  return list.map(Number);
}
function secret(value, name) {
  if (value.length < 16) throw new SettingError(`${name} must be at least 16 characters`);
  return value;
}

export {
  SettingError,
  SETTINGS,
  readSettings
};
