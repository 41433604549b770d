import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  HttpClient,
  Octokit,
  require_light,
  require_undici,
  retry,
  setOutput,
  summary
} from "./chunk-HCGKRNSY.js";
import {
  ANNOTATIONS_PER_REQUEST,
  CHECK_SUMMARY_LIMIT,
  CHECK_TEXT_LIMIT,
  DEFAULT_CONFIG,
  GitDiffError,
  JOB_SUMMARY_LIMIT,
  MAX_BUNDLES,
  RULES,
  TemplateError,
  VERSION,
  assertCommentKey,
  buildReport,
  changesFromPrFiles,
  commentMarker,
  commentTrailer,
  endsWithMarker,
  evaluatePolicy,
  gitChangedLines,
  loadConfig,
  markedBody,
  readBundle,
  readDigest,
  readLegScans,
  renderComment,
  renderSummary,
  sameBody,
  trimMarkdown,
  truncateBytes,
  utf8Length,
  verdictKey
} from "./chunk-GHYOCOGF.js";
import {
  httpUrl
} from "./chunk-IZEX6PKC.js";
import {
  __toESM
} from "./chunk-VA35IVHB.js";

// src/github/settings.ts
var SettingError = class extends Error {
  name = "SettingError";
};
var REQUEST_TIMEOUT_VARIABLE = "BIND_PROBE_REQUEST_TIMEOUT_MS";
var DEADLINE_VARIABLE = "BIND_PROBE_NETWORK_DEADLINE_MS";
var DEFAULT_NETWORK_SETTINGS = {
  requestTimeoutMs: 3e4,
  deadlineMs: 10 * 6e4
};
function readNetworkSettings(env) {
  return {
    requestTimeoutMs: milliseconds(env, REQUEST_TIMEOUT_VARIABLE) ?? DEFAULT_NETWORK_SETTINGS.requestTimeoutMs,
    deadlineMs: milliseconds(env, DEADLINE_VARIABLE) ?? DEFAULT_NETWORK_SETTINGS.deadlineMs
  };
}
function milliseconds(env, name) {
  const value = env[name];
  if (value === void 0 || value.trim() === "") return void 0;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0 || n > 2147483647) {
    throw new SettingError(`${name} must be a whole number of milliseconds above 0, got "${value}"`);
  }
  return n;
}
function duration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1e3);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

// src/github/network.ts
var import_undici = __toESM(require_undici(), 1);
var RequestTimeoutError = class extends Error {
  name = "TimeoutError";
};
var NetworkDeadlineError = class extends Error {
  name = "AbortError";
  deadline = true;
};
var NetworkBudget = class {
  settings;
  logger;
  controller = new AbortController();
  inFlight = 0;
  spentMs = 0;
  since = 0;
  timer;
  constructor(settings, logger) {
    this.settings = settings;
    this.logger = logger;
  }
  /** Aborts when the budget is spent. */
  get signal() {
    return this.controller.signal;
  }
  get expired() {
    return this.controller.signal.aborted;
  }
  /** What is left of the budget, in ms. */
  remainingMs() {
    const running = this.inFlight ? Date.now() - this.since : 0;
    return Math.max(0, this.settings.deadlineMs - this.spentMs - running);
  }
  /**
   * Runs one network call (`what` names it for the log) within the budget: it is abandoned with a
   * NetworkDeadlineError when the budget runs out, and fails at once if it already has. `call`
   * gets the budget's signal, to stop its own work when abandoned.
   */
  async within(what, call) {
    if (this.expired) throw this.passed(what);
    this.enter(what);
    const started = Date.now();
    const heartbeat = setInterval(() => {
      this.logger.info(
        `still waiting for ${what}: ${duration(Date.now() - started)} so far; ${duration(this.remainingMs())} left of bind-probe's network deadline (${DEADLINE_VARIABLE})`
      );
    }, this.settings.requestTimeoutMs);
    let onAbort;
    try {
      return await new Promise((resolve2, reject) => {
        onAbort = () => reject(this.passed(what));
        this.signal.addEventListener("abort", onAbort, { once: true });
        call(this.signal).then(resolve2, reject);
      });
    } finally {
      if (onAbort) this.signal.removeEventListener("abort", onAbort);
      clearInterval(heartbeat);
      this.leave();
    }
  }
  /**
   * fetch with the request timeout and the budget: the answer is read whole before it is
   * returned, so a body that trickles is bounded too. Octokit calls it for every attempt.
   */
  fetch = async (input, init = {}) => {
    const method = init.method ?? "GET";
    const what = `${method} ${String(input instanceof Request ? input.url : input)}`;
    if (this.expired) throw this.passed(what);
    const ms = this.settings.requestTimeoutMs;
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(
        new RequestTimeoutError(
          `no complete answer to ${what} within ${duration(ms)} (${REQUEST_TIMEOUT_VARIABLE})`
        )
      ),
      ms
    );
    const signals = [timeout.signal, this.signal, ...init.signal ? [init.signal] : []];
    try {
      const response = await fetchMaybeProxied(input, {
        ...init,
        signal: AbortSignal.any(signals)
      });
      const empty = method === "HEAD" || [101, 204, 205, 304].includes(response.status);
      const body = empty ? null : await response.arrayBuffer();
      const whole = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers
      });
      Object.defineProperty(whole, "url", { value: response.url });
      return whole;
    } catch (error) {
      if (this.expired) throw this.passed(what);
      if (timeout.signal.aborted) throw timeout.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
  enter(what) {
    if (this.inFlight++ > 0) return;
    this.since = Date.now();
    this.timer = setTimeout(() => this.expire(what), this.remainingMs());
  }
  leave() {
    if (--this.inFlight > 0) return;
    this.spentMs += Date.now() - this.since;
    clearTimeout(this.timer);
  }
  expire(what) {
    this.logger.warning(
      `bind-probe's network deadline passed: it waited ${duration(this.settings.deadlineMs)} on the network in all (${DEADLINE_VARIABLE}), the last time for ${what}. It stops waiting; what could not be read or written is listed below and in the job summary`
    );
    this.controller.abort(this.passed(what));
  }
  passed(what) {
    return new NetworkDeadlineError(
      `gave up on ${what}: bind-probe's network deadline (${duration(this.settings.deadlineMs)} of waiting on the network, ${DEADLINE_VARIABLE}) passed`
    );
  }
};
var proxies = new HttpClient("bind-probe");
function fetchMaybeProxied(input, init) {
  const url = input instanceof Request ? input.url : String(input);
  const dispatcher = proxies.getAgentDispatcher(url);
  if (!dispatcher) return fetch(input, init);
  return (0, import_undici.fetch)(url, { ...init, dispatcher });
}

// src/github/octokit.ts
var import_light2 = __toESM(require_light(), 1);

// node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var VERSION2 = "0.0.0-development";
function normalizePaginatedListResponse(response) {
  if (!response.data) {
    return {
      ...response,
      data: []
    };
  }
  const responseNeedsNormalization = ("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data);
  if (!responseNeedsNormalization) return response;
  const incompleteResults = response.data.incomplete_results;
  const repositorySelection = response.data.repository_selection;
  const totalCount = response.data.total_count;
  const totalCommits = response.data.total_commits;
  delete response.data.incomplete_results;
  delete response.data.repository_selection;
  delete response.data.total_count;
  delete response.data.total_commits;
  const namespaceKey = Object.keys(response.data)[0];
  const data = response.data[namespaceKey];
  response.data = data;
  if (typeof incompleteResults !== "undefined") {
    response.data.incomplete_results = incompleteResults;
  }
  if (typeof repositorySelection !== "undefined") {
    response.data.repository_selection = repositorySelection;
  }
  response.data.total_count = totalCount;
  response.data.total_commits = totalCommits;
  return response;
}
function iterator(octokit, route, parameters) {
  const options = typeof route === "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters);
  const requestMethod = typeof route === "function" ? route : octokit.request;
  const method = options.method;
  const headers = options.headers;
  let url = options.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url) return { done: true };
        try {
          const response = await requestMethod({ method, url, headers });
          const normalizedResponse = normalizePaginatedListResponse(response);
          url = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1];
          if (!url && "total_commits" in normalizedResponse.data) {
            const parsedUrl = new URL(normalizedResponse.url);
            const params = parsedUrl.searchParams;
            const page = parseInt(params.get("page") || "1", 10);
            const per_page = parseInt(params.get("per_page") || "250", 10);
            if (page * per_page < normalizedResponse.data.total_commits) {
              params.set("page", String(page + 1));
              url = parsedUrl.toString();
            }
          }
          return { value: normalizedResponse };
        } catch (error) {
          if (error.status !== 409) throw error;
          url = "";
          return {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}
function paginate(octokit, route, parameters, mapFn) {
  if (typeof parameters === "function") {
    mapFn = parameters;
    parameters = void 0;
  }
  return gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result) => {
    if (result.done) {
      return results;
    }
    let earlyExit = false;
    function done() {
      earlyExit = true;
    }
    results = results.concat(
      mapFn ? mapFn(result.value, done) : result.value.data
    );
    if (earlyExit) {
      return results;
    }
    return gather(octokit, results, iterator2, mapFn);
  });
}
var composePaginateRest = Object.assign(paginate, {
  iterator
});
function paginateRest(octokit) {
  return {
    paginate: Object.assign(paginate.bind(null, octokit), {
      iterator: iterator.bind(null, octokit)
    })
  };
}
paginateRest.VERSION = VERSION2;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/version.js
var VERSION3 = "18.0.0";

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/generated/endpoints.js
var Endpoints = {
  actions: {
    addCustomLabelsToSelfHostedRunnerForOrg: [
      "POST /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    addCustomLabelsToSelfHostedRunnerForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    addRepoAccessToSelfHostedRunnerGroupInOrg: [
      "PUT /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    approveWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/approve"
    ],
    cancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel"
    ],
    createEnvironmentVariable: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    createHostedRunnerForOrg: ["POST /orgs/{org}/actions/hosted-runners"],
    createOrUpdateEnvironmentSecret: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    createOrUpdateOrgSecret: ["PUT /orgs/{org}/actions/secrets/{secret_name}"],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    createOrgVariable: ["POST /orgs/{org}/actions/variables"],
    createRegistrationTokenForOrg: [
      "POST /orgs/{org}/actions/runners/registration-token"
    ],
    createRegistrationTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/registration-token"
    ],
    createRemoveTokenForOrg: ["POST /orgs/{org}/actions/runners/remove-token"],
    createRemoveTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/remove-token"
    ],
    createRepoVariable: ["POST /repos/{owner}/{repo}/actions/variables"],
    createWorkflowDispatch: [
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"
    ],
    deleteActionsCacheById: [
      "DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}"
    ],
    deleteActionsCacheByKey: [
      "DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}"
    ],
    deleteArtifact: [
      "DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"
    ],
    deleteCustomImageFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    deleteCustomImageVersionFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    deleteEnvironmentSecret: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    deleteEnvironmentVariable: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    deleteHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/actions/secrets/{secret_name}"],
    deleteOrgVariable: ["DELETE /orgs/{org}/actions/variables/{name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    deleteRepoVariable: [
      "DELETE /repos/{owner}/{repo}/actions/variables/{name}"
    ],
    deleteSelfHostedRunnerFromOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}"
    ],
    deleteSelfHostedRunnerFromRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    deleteWorkflowRun: ["DELETE /repos/{owner}/{repo}/actions/runs/{run_id}"],
    deleteWorkflowRunLogs: [
      "DELETE /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    disableSelectedRepositoryGithubActionsOrganization: [
      "DELETE /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    disableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/disable"
    ],
    downloadArtifact: [
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}"
    ],
    downloadJobLogsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs"
    ],
    downloadWorkflowRunAttemptLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs"
    ],
    downloadWorkflowRunLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    enableSelectedRepositoryGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    enableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable"
    ],
    forceCancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel"
    ],
    generateRunnerJitconfigForOrg: [
      "POST /orgs/{org}/actions/runners/generate-jitconfig"
    ],
    generateRunnerJitconfigForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig"
    ],
    getActionsCacheList: ["GET /repos/{owner}/{repo}/actions/caches"],
    getActionsCacheRetentionLimitForEnterprise: [
      "GET /enterprises/{enterprise}/actions/cache/retention-limit"
    ],
    getActionsCacheRetentionLimitForOrganization: [
      "GET /organizations/{org}/actions/cache/retention-limit"
    ],
    getActionsCacheRetentionLimitForRepository: [
      "GET /repos/{owner}/{repo}/actions/cache/retention-limit"
    ],
    getActionsCacheStorageLimitForEnterprise: [
      "GET /enterprises/{enterprise}/actions/cache/storage-limit"
    ],
    getActionsCacheStorageLimitForOrganization: [
      "GET /organizations/{org}/actions/cache/storage-limit"
    ],
    getActionsCacheStorageLimitForRepository: [
      "GET /repos/{owner}/{repo}/actions/cache/storage-limit"
    ],
    getActionsCacheUsage: ["GET /repos/{owner}/{repo}/actions/cache/usage"],
    getActionsCacheUsageByRepoForOrg: [
      "GET /orgs/{org}/actions/cache/usage-by-repository"
    ],
    getActionsCacheUsageForOrg: ["GET /orgs/{org}/actions/cache/usage"],
    getAllowedActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/selected-actions"
    ],
    getAllowedActionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    getArtifact: ["GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"],
    getCustomImageForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    getCustomImageVersionForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    getCustomOidcSubClaimForRepo: [
      "GET /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    getEnvironmentPublicKey: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key"
    ],
    getEnvironmentSecret: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    getEnvironmentVariable: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    getGithubActionsDefaultWorkflowPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions/workflow"
    ],
    getGithubActionsDefaultWorkflowPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    getGithubActionsPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions"
    ],
    getGithubActionsPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions"
    ],
    getHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    getHostedRunnersGithubOwnedImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/github-owned"
    ],
    getHostedRunnersLimitsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/limits"
    ],
    getHostedRunnersMachineSpecsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/machine-sizes"
    ],
    getHostedRunnersPartnerImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/partner"
    ],
    getHostedRunnersPlatformsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/platforms"
    ],
    getJobForWorkflowRun: ["GET /repos/{owner}/{repo}/actions/jobs/{job_id}"],
    getOrgPublicKey: ["GET /orgs/{org}/actions/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/actions/secrets/{secret_name}"],
    getOrgVariable: ["GET /orgs/{org}/actions/variables/{name}"],
    getPendingDeploymentsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    getRepoPermissions: [
      "GET /repos/{owner}/{repo}/actions/permissions",
      {},
      { renamed: ["actions", "getGithubActionsPermissionsRepository"] }
    ],
    getRepoPublicKey: ["GET /repos/{owner}/{repo}/actions/secrets/public-key"],
    getRepoSecret: ["GET /repos/{owner}/{repo}/actions/secrets/{secret_name}"],
    getRepoVariable: ["GET /repos/{owner}/{repo}/actions/variables/{name}"],
    getReviewsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals"
    ],
    getSelfHostedRunnerForOrg: ["GET /orgs/{org}/actions/runners/{runner_id}"],
    getSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    getWorkflow: ["GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}"],
    getWorkflowAccessToRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/access"
    ],
    getWorkflowRun: ["GET /repos/{owner}/{repo}/actions/runs/{run_id}"],
    getWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}"
    ],
    getWorkflowRunUsage: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/timing"
    ],
    getWorkflowUsage: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/timing"
    ],
    listArtifactsForRepo: ["GET /repos/{owner}/{repo}/actions/artifacts"],
    listCustomImageVersionsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions"
    ],
    listCustomImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom"
    ],
    listEnvironmentSecrets: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets"
    ],
    listEnvironmentVariables: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    listGithubHostedRunnersInGroupForOrg: [
      "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/hosted-runners"
    ],
    listHostedRunnersForOrg: ["GET /orgs/{org}/actions/hosted-runners"],
    listJobsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs"
    ],
    listJobsForWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs"
    ],
    listLabelsForSelfHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    listLabelsForSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    listOrgSecrets: ["GET /orgs/{org}/actions/secrets"],
    listOrgVariables: ["GET /orgs/{org}/actions/variables"],
    listRepoOrganizationSecrets: [
      "GET /repos/{owner}/{repo}/actions/organization-secrets"
    ],
    listRepoOrganizationVariables: [
      "GET /repos/{owner}/{repo}/actions/organization-variables"
    ],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/actions/secrets"],
    listRepoVariables: ["GET /repos/{owner}/{repo}/actions/variables"],
    listRepoWorkflows: ["GET /repos/{owner}/{repo}/actions/workflows"],
    listRunnerApplicationsForOrg: ["GET /orgs/{org}/actions/runners/downloads"],
    listRunnerApplicationsForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/downloads"
    ],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    listSelectedReposForOrgVariable: [
      "GET /orgs/{org}/actions/variables/{name}/repositories"
    ],
    listSelectedRepositoriesEnabledGithubActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/repositories"
    ],
    listSelfHostedRunnersForOrg: ["GET /orgs/{org}/actions/runners"],
    listSelfHostedRunnersForRepo: ["GET /repos/{owner}/{repo}/actions/runners"],
    listWorkflowRunArtifacts: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts"
    ],
    listWorkflowRuns: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"
    ],
    listWorkflowRunsForRepo: ["GET /repos/{owner}/{repo}/actions/runs"],
    reRunJobForWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/jobs/{job_id}/rerun"
    ],
    reRunWorkflow: ["POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun"],
    reRunWorkflowFailedJobs: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    removeCustomLabelFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeCustomLabelFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgVariable: [
      "DELETE /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    reviewCustomGatesForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule"
    ],
    reviewPendingDeploymentsForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    setActionsCacheRetentionLimitForEnterprise: [
      "PUT /enterprises/{enterprise}/actions/cache/retention-limit"
    ],
    setActionsCacheRetentionLimitForOrganization: [
      "PUT /organizations/{org}/actions/cache/retention-limit"
    ],
    setActionsCacheRetentionLimitForRepository: [
      "PUT /repos/{owner}/{repo}/actions/cache/retention-limit"
    ],
    setActionsCacheStorageLimitForEnterprise: [
      "PUT /enterprises/{enterprise}/actions/cache/storage-limit"
    ],
    setActionsCacheStorageLimitForOrganization: [
      "PUT /organizations/{org}/actions/cache/storage-limit"
    ],
    setActionsCacheStorageLimitForRepository: [
      "PUT /repos/{owner}/{repo}/actions/cache/storage-limit"
    ],
    setAllowedActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/selected-actions"
    ],
    setAllowedActionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    setCustomLabelsForSelfHostedRunnerForOrg: [
      "PUT /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    setCustomLabelsForSelfHostedRunnerForRepo: [
      "PUT /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    setCustomOidcSubClaimForRepo: [
      "PUT /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    setGithubActionsDefaultWorkflowPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/workflow"
    ],
    setGithubActionsDefaultWorkflowPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    setGithubActionsPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions"
    ],
    setGithubActionsPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories"
    ],
    setSelectedRepositoriesEnabledGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories"
    ],
    setWorkflowAccessToRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/access"
    ],
    updateEnvironmentVariable: [
      "PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    updateHostedRunnerForOrg: [
      "PATCH /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    updateOrgVariable: ["PATCH /orgs/{org}/actions/variables/{name}"],
    updateRepoVariable: [
      "PATCH /repos/{owner}/{repo}/actions/variables/{name}"
    ]
  },
  activity: {
    checkRepoIsStarredByAuthenticatedUser: ["GET /user/starred/{owner}/{repo}"],
    deleteRepoSubscription: ["DELETE /repos/{owner}/{repo}/subscription"],
    deleteThreadSubscription: [
      "DELETE /notifications/threads/{thread_id}/subscription"
    ],
    getFeeds: ["GET /feeds"],
    getRepoSubscription: ["GET /repos/{owner}/{repo}/subscription"],
    getThread: ["GET /notifications/threads/{thread_id}"],
    getThreadSubscriptionForAuthenticatedUser: [
      "GET /notifications/threads/{thread_id}/subscription"
    ],
    listEventsForAuthenticatedUser: ["GET /users/{username}/events"],
    listNotificationsForAuthenticatedUser: ["GET /notifications"],
    listOrgEventsForAuthenticatedUser: [
      "GET /users/{username}/events/orgs/{org}"
    ],
    listPublicEvents: ["GET /events"],
    listPublicEventsForRepoNetwork: ["GET /networks/{owner}/{repo}/events"],
    listPublicEventsForUser: ["GET /users/{username}/events/public"],
    listPublicOrgEvents: ["GET /orgs/{org}/events"],
    listReceivedEventsForUser: ["GET /users/{username}/received_events"],
    listReceivedPublicEventsForUser: [
      "GET /users/{username}/received_events/public"
    ],
    listRepoEvents: ["GET /repos/{owner}/{repo}/events"],
    listRepoNotificationsForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/notifications"
    ],
    listReposStarredByAuthenticatedUser: ["GET /user/starred"],
    listReposStarredByUser: ["GET /users/{username}/starred"],
    listReposWatchedByUser: ["GET /users/{username}/subscriptions"],
    listStargazersForRepo: ["GET /repos/{owner}/{repo}/stargazers"],
    listWatchedReposForAuthenticatedUser: ["GET /user/subscriptions"],
    listWatchersForRepo: ["GET /repos/{owner}/{repo}/subscribers"],
    markNotificationsAsRead: ["PUT /notifications"],
    markRepoNotificationsAsRead: ["PUT /repos/{owner}/{repo}/notifications"],
    markThreadAsDone: ["DELETE /notifications/threads/{thread_id}"],
    markThreadAsRead: ["PATCH /notifications/threads/{thread_id}"],
    setRepoSubscription: ["PUT /repos/{owner}/{repo}/subscription"],
    setThreadSubscription: [
      "PUT /notifications/threads/{thread_id}/subscription"
    ],
    starRepoForAuthenticatedUser: ["PUT /user/starred/{owner}/{repo}"],
    unstarRepoForAuthenticatedUser: ["DELETE /user/starred/{owner}/{repo}"]
  },
  apps: {
    addRepoToInstallation: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "addRepoToInstallationForAuthenticatedUser"] }
    ],
    addRepoToInstallationForAuthenticatedUser: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    checkToken: ["POST /applications/{client_id}/token"],
    createFromManifest: ["POST /app-manifests/{code}/conversions"],
    createInstallationAccessToken: [
      "POST /app/installations/{installation_id}/access_tokens"
    ],
    deleteAuthorization: ["DELETE /applications/{client_id}/grant"],
    deleteInstallation: ["DELETE /app/installations/{installation_id}"],
    deleteToken: ["DELETE /applications/{client_id}/token"],
    getAuthenticated: ["GET /app"],
    getBySlug: ["GET /apps/{app_slug}"],
    getInstallation: ["GET /app/installations/{installation_id}"],
    getOrgInstallation: ["GET /orgs/{org}/installation"],
    getRepoInstallation: ["GET /repos/{owner}/{repo}/installation"],
    getSubscriptionPlanForAccount: [
      "GET /marketplace_listing/accounts/{account_id}"
    ],
    getSubscriptionPlanForAccountStubbed: [
      "GET /marketplace_listing/stubbed/accounts/{account_id}"
    ],
    getUserInstallation: ["GET /users/{username}/installation"],
    getWebhookConfigForApp: ["GET /app/hook/config"],
    getWebhookDelivery: ["GET /app/hook/deliveries/{delivery_id}"],
    listAccountsForPlan: ["GET /marketplace_listing/plans/{plan_id}/accounts"],
    listAccountsForPlanStubbed: [
      "GET /marketplace_listing/stubbed/plans/{plan_id}/accounts"
    ],
    listInstallationReposForAuthenticatedUser: [
      "GET /user/installations/{installation_id}/repositories"
    ],
    listInstallationRequestsForAuthenticatedApp: [
      "GET /app/installation-requests"
    ],
    listInstallations: ["GET /app/installations"],
    listInstallationsForAuthenticatedUser: ["GET /user/installations"],
    listPlans: ["GET /marketplace_listing/plans"],
    listPlansStubbed: ["GET /marketplace_listing/stubbed/plans"],
    listReposAccessibleToInstallation: ["GET /installation/repositories"],
    listSubscriptionsForAuthenticatedUser: ["GET /user/marketplace_purchases"],
    listSubscriptionsForAuthenticatedUserStubbed: [
      "GET /user/marketplace_purchases/stubbed"
    ],
    listWebhookDeliveries: ["GET /app/hook/deliveries"],
    redeliverWebhookDelivery: [
      "POST /app/hook/deliveries/{delivery_id}/attempts"
    ],
    removeRepoFromInstallation: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "removeRepoFromInstallationForAuthenticatedUser"] }
    ],
    removeRepoFromInstallationForAuthenticatedUser: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    resetToken: ["PATCH /applications/{client_id}/token"],
    revokeInstallationAccessToken: ["DELETE /installation/token"],
    scopeToken: ["POST /applications/{client_id}/token/scoped"],
    suspendInstallation: ["PUT /app/installations/{installation_id}/suspended"],
    unsuspendInstallation: [
      "DELETE /app/installations/{installation_id}/suspended"
    ],
    updateWebhookConfigForApp: ["PATCH /app/hook/config"]
  },
  billing: {
    deleteBudgetOrg: [
      "DELETE /organizations/{org}/settings/billing/budgets/{budget_id}"
    ],
    getAllBudgetsOrg: ["GET /organizations/{org}/settings/billing/budgets"],
    getBudgetOrg: [
      "GET /organizations/{org}/settings/billing/budgets/{budget_id}"
    ],
    getGithubBillingPremiumRequestUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/premium_request/usage"
    ],
    getGithubBillingPremiumRequestUsageReportUser: [
      "GET /users/{username}/settings/billing/premium_request/usage"
    ],
    getGithubBillingUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/usage"
    ],
    getGithubBillingUsageReportUser: [
      "GET /users/{username}/settings/billing/usage"
    ],
    getGithubBillingUsageSummaryReportOrg: [
      "GET /organizations/{org}/settings/billing/usage/summary"
    ],
    getGithubBillingUsageSummaryReportUser: [
      "GET /users/{username}/settings/billing/usage/summary"
    ],
    updateBudgetOrg: [
      "PATCH /organizations/{org}/settings/billing/budgets/{budget_id}"
    ]
  },
  campaigns: {
    createCampaign: ["POST /orgs/{org}/campaigns"],
    deleteCampaign: ["DELETE /orgs/{org}/campaigns/{campaign_number}"],
    getCampaignSummary: ["GET /orgs/{org}/campaigns/{campaign_number}"],
    listOrgCampaigns: ["GET /orgs/{org}/campaigns"],
    updateCampaign: ["PATCH /orgs/{org}/campaigns/{campaign_number}"]
  },
  checks: {
    create: ["POST /repos/{owner}/{repo}/check-runs"],
    createSuite: ["POST /repos/{owner}/{repo}/check-suites"],
    get: ["GET /repos/{owner}/{repo}/check-runs/{check_run_id}"],
    getSuite: ["GET /repos/{owner}/{repo}/check-suites/{check_suite_id}"],
    listAnnotations: [
      "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations"
    ],
    listForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-runs"],
    listForSuite: [
      "GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs"
    ],
    listSuitesForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-suites"],
    rerequestRun: [
      "POST /repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest"
    ],
    rerequestSuite: [
      "POST /repos/{owner}/{repo}/check-suites/{check_suite_id}/rerequest"
    ],
    setSuitesPreferences: [
      "PATCH /repos/{owner}/{repo}/check-suites/preferences"
    ],
    update: ["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]
  },
  codeScanning: {
    commitAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix/commits"
    ],
    createAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    createVariantAnalysis: [
      "POST /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses"
    ],
    deleteAnalysis: [
      "DELETE /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}{?confirm_delete}"
    ],
    deleteCodeqlDatabase: [
      "DELETE /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}",
      {},
      { renamedParameters: { alert_id: "alert_number" } }
    ],
    getAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}"
    ],
    getAutofix: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    getCodeqlDatabase: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getDefaultSetup: ["GET /repos/{owner}/{repo}/code-scanning/default-setup"],
    getSarif: ["GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}"],
    getVariantAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}"
    ],
    getVariantAnalysisRepoTask: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}/repos/{repo_owner}/{repo_name}"
    ],
    listAlertInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/code-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/code-scanning/alerts"],
    listAlertsInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances",
      {},
      { renamed: ["codeScanning", "listAlertInstances"] }
    ],
    listCodeqlDatabases: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases"
    ],
    listRecentAnalyses: ["GET /repos/{owner}/{repo}/code-scanning/analyses"],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}"
    ],
    updateDefaultSetup: [
      "PATCH /repos/{owner}/{repo}/code-scanning/default-setup"
    ],
    uploadSarif: ["POST /repos/{owner}/{repo}/code-scanning/sarifs"]
  },
  codeSecurity: {
    attachConfiguration: [
      "POST /orgs/{org}/code-security/configurations/{configuration_id}/attach"
    ],
    attachEnterpriseConfiguration: [
      "POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach"
    ],
    createConfiguration: ["POST /orgs/{org}/code-security/configurations"],
    createConfigurationForEnterprise: [
      "POST /enterprises/{enterprise}/code-security/configurations"
    ],
    deleteConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    deleteConfigurationForEnterprise: [
      "DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    detachConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/detach"
    ],
    getConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    getConfigurationForRepository: [
      "GET /repos/{owner}/{repo}/code-security-configuration"
    ],
    getConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations"
    ],
    getConfigurationsForOrg: ["GET /orgs/{org}/code-security/configurations"],
    getDefaultConfigurations: [
      "GET /orgs/{org}/code-security/configurations/defaults"
    ],
    getDefaultConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/defaults"
    ],
    getRepositoriesForConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}/repositories"
    ],
    getRepositoriesForEnterpriseConfiguration: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories"
    ],
    getSingleConfigurationForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    setConfigurationAsDefault: [
      "PUT /orgs/{org}/code-security/configurations/{configuration_id}/defaults"
    ],
    setConfigurationAsDefaultForEnterprise: [
      "PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults"
    ],
    updateConfiguration: [
      "PATCH /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    updateEnterpriseConfiguration: [
      "PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ]
  },
  codesOfConduct: {
    getAllCodesOfConduct: ["GET /codes_of_conduct"],
    getConductCode: ["GET /codes_of_conduct/{key}"]
  },
  codespaces: {
    addRepositoryForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    checkPermissionsForDevcontainer: [
      "GET /repos/{owner}/{repo}/codespaces/permissions_check"
    ],
    codespaceMachinesForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/machines"
    ],
    createForAuthenticatedUser: ["POST /user/codespaces"],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}"
    ],
    createWithPrForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/codespaces"
    ],
    createWithRepoForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/codespaces"
    ],
    deleteForAuthenticatedUser: ["DELETE /user/codespaces/{codespace_name}"],
    deleteFromOrganization: [
      "DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/codespaces/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    deleteSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}"
    ],
    exportForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/exports"
    ],
    getCodespacesForUserInOrg: [
      "GET /orgs/{org}/members/{username}/codespaces"
    ],
    getExportDetailsForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/exports/{export_id}"
    ],
    getForAuthenticatedUser: ["GET /user/codespaces/{codespace_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/codespaces/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/codespaces/secrets/{secret_name}"],
    getPublicKeyForAuthenticatedUser: [
      "GET /user/codespaces/secrets/public-key"
    ],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    getSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}"
    ],
    listDevcontainersInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/devcontainers"
    ],
    listForAuthenticatedUser: ["GET /user/codespaces"],
    listInOrganization: [
      "GET /orgs/{org}/codespaces",
      {},
      { renamedParameters: { org_id: "org" } }
    ],
    listInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces"
    ],
    listOrgSecrets: ["GET /orgs/{org}/codespaces/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/codespaces/secrets"],
    listRepositoriesForSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}/repositories"
    ],
    listSecretsForAuthenticatedUser: ["GET /user/codespaces/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    preFlightWithRepoForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/new"
    ],
    publishForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/publish"
    ],
    removeRepositoryForSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repoMachinesForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/machines"
    ],
    setRepositoriesForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    startForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/start"],
    stopForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/stop"],
    stopInOrganization: [
      "POST /orgs/{org}/members/{username}/codespaces/{codespace_name}/stop"
    ],
    updateForAuthenticatedUser: ["PATCH /user/codespaces/{codespace_name}"]
  },
  copilot: {
    addCopilotSeatsForTeams: [
      "POST /orgs/{org}/copilot/billing/selected_teams"
    ],
    addCopilotSeatsForUsers: [
      "POST /orgs/{org}/copilot/billing/selected_users"
    ],
    cancelCopilotSeatAssignmentForTeams: [
      "DELETE /orgs/{org}/copilot/billing/selected_teams"
    ],
    cancelCopilotSeatAssignmentForUsers: [
      "DELETE /orgs/{org}/copilot/billing/selected_users"
    ],
    copilotMetricsForOrganization: ["GET /orgs/{org}/copilot/metrics"],
    copilotMetricsForTeam: ["GET /orgs/{org}/team/{team_slug}/copilot/metrics"],
    getCopilotOrganizationDetails: ["GET /orgs/{org}/copilot/billing"],
    getCopilotSeatDetailsForUser: [
      "GET /orgs/{org}/members/{username}/copilot"
    ],
    listCopilotSeats: ["GET /orgs/{org}/copilot/billing/seats"]
  },
  credentials: { revoke: ["POST /credentials/revoke"] },
  dependabot: {
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/dependabot/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    getAlert: ["GET /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"],
    getOrgPublicKey: ["GET /orgs/{org}/dependabot/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/dependabot/secrets/{secret_name}"],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    listAlertsForEnterprise: [
      "GET /enterprises/{enterprise}/dependabot/alerts"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/dependabot/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/dependabot/alerts"],
    listOrgSecrets: ["GET /orgs/{org}/dependabot/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/dependabot/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repositoryAccessForOrg: [
      "GET /organizations/{org}/dependabot/repository-access"
    ],
    setRepositoryAccessDefaultLevel: [
      "PUT /organizations/{org}/dependabot/repository-access/default-level"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"
    ],
    updateRepositoryAccessForOrg: [
      "PATCH /organizations/{org}/dependabot/repository-access"
    ]
  },
  dependencyGraph: {
    createRepositorySnapshot: [
      "POST /repos/{owner}/{repo}/dependency-graph/snapshots"
    ],
    diffRange: [
      "GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}"
    ],
    exportSbom: ["GET /repos/{owner}/{repo}/dependency-graph/sbom"]
  },
  emojis: { get: ["GET /emojis"] },
  enterpriseTeamMemberships: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/remove"
    ],
    get: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    list: ["GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships"],
    remove: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ]
  },
  enterpriseTeamOrganizations: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/remove"
    ],
    delete: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignment: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignments: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations"
    ]
  },
  enterpriseTeams: {
    create: ["POST /enterprises/{enterprise}/teams"],
    delete: ["DELETE /enterprises/{enterprise}/teams/{team_slug}"],
    get: ["GET /enterprises/{enterprise}/teams/{team_slug}"],
    list: ["GET /enterprises/{enterprise}/teams"],
    update: ["PATCH /enterprises/{enterprise}/teams/{team_slug}"]
  },
  gists: {
    checkIsStarred: ["GET /gists/{gist_id}/star"],
    create: ["POST /gists"],
    createComment: ["POST /gists/{gist_id}/comments"],
    delete: ["DELETE /gists/{gist_id}"],
    deleteComment: ["DELETE /gists/{gist_id}/comments/{comment_id}"],
    fork: ["POST /gists/{gist_id}/forks"],
    get: ["GET /gists/{gist_id}"],
    getComment: ["GET /gists/{gist_id}/comments/{comment_id}"],
    getRevision: ["GET /gists/{gist_id}/{sha}"],
    list: ["GET /gists"],
    listComments: ["GET /gists/{gist_id}/comments"],
    listCommits: ["GET /gists/{gist_id}/commits"],
    listForUser: ["GET /users/{username}/gists"],
    listForks: ["GET /gists/{gist_id}/forks"],
    listPublic: ["GET /gists/public"],
    listStarred: ["GET /gists/starred"],
    star: ["PUT /gists/{gist_id}/star"],
    unstar: ["DELETE /gists/{gist_id}/star"],
    update: ["PATCH /gists/{gist_id}"],
    updateComment: ["PATCH /gists/{gist_id}/comments/{comment_id}"]
  },
  git: {
    createBlob: ["POST /repos/{owner}/{repo}/git/blobs"],
    createCommit: ["POST /repos/{owner}/{repo}/git/commits"],
    createRef: ["POST /repos/{owner}/{repo}/git/refs"],
    createTag: ["POST /repos/{owner}/{repo}/git/tags"],
    createTree: ["POST /repos/{owner}/{repo}/git/trees"],
    deleteRef: ["DELETE /repos/{owner}/{repo}/git/refs/{ref}"],
    getBlob: ["GET /repos/{owner}/{repo}/git/blobs/{file_sha}"],
    getCommit: ["GET /repos/{owner}/{repo}/git/commits/{commit_sha}"],
    getRef: ["GET /repos/{owner}/{repo}/git/ref/{ref}"],
    getTag: ["GET /repos/{owner}/{repo}/git/tags/{tag_sha}"],
    getTree: ["GET /repos/{owner}/{repo}/git/trees/{tree_sha}"],
    listMatchingRefs: ["GET /repos/{owner}/{repo}/git/matching-refs/{ref}"],
    updateRef: ["PATCH /repos/{owner}/{repo}/git/refs/{ref}"]
  },
  gitignore: {
    getAllTemplates: ["GET /gitignore/templates"],
    getTemplate: ["GET /gitignore/templates/{name}"]
  },
  hostedCompute: {
    createNetworkConfigurationForOrg: [
      "POST /orgs/{org}/settings/network-configurations"
    ],
    deleteNetworkConfigurationFromOrg: [
      "DELETE /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkConfigurationForOrg: [
      "GET /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkSettingsForOrg: [
      "GET /orgs/{org}/settings/network-settings/{network_settings_id}"
    ],
    listNetworkConfigurationsForOrg: [
      "GET /orgs/{org}/settings/network-configurations"
    ],
    updateNetworkConfigurationForOrg: [
      "PATCH /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ]
  },
  interactions: {
    getRestrictionsForAuthenticatedUser: ["GET /user/interaction-limits"],
    getRestrictionsForOrg: ["GET /orgs/{org}/interaction-limits"],
    getRestrictionsForRepo: ["GET /repos/{owner}/{repo}/interaction-limits"],
    getRestrictionsForYourPublicRepos: [
      "GET /user/interaction-limits",
      {},
      { renamed: ["interactions", "getRestrictionsForAuthenticatedUser"] }
    ],
    removeRestrictionsForAuthenticatedUser: ["DELETE /user/interaction-limits"],
    removeRestrictionsForOrg: ["DELETE /orgs/{org}/interaction-limits"],
    removeRestrictionsForRepo: [
      "DELETE /repos/{owner}/{repo}/interaction-limits"
    ],
    removeRestrictionsForYourPublicRepos: [
      "DELETE /user/interaction-limits",
      {},
      { renamed: ["interactions", "removeRestrictionsForAuthenticatedUser"] }
    ],
    setRestrictionsForAuthenticatedUser: ["PUT /user/interaction-limits"],
    setRestrictionsForOrg: ["PUT /orgs/{org}/interaction-limits"],
    setRestrictionsForRepo: ["PUT /repos/{owner}/{repo}/interaction-limits"],
    setRestrictionsForYourPublicRepos: [
      "PUT /user/interaction-limits",
      {},
      { renamed: ["interactions", "setRestrictionsForAuthenticatedUser"] }
    ]
  },
  issues: {
    addAssignees: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    addBlockedByDependency: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    addLabels: ["POST /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    addSubIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    checkUserCanBeAssigned: ["GET /repos/{owner}/{repo}/assignees/{assignee}"],
    checkUserCanBeAssignedToIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/assignees/{assignee}"
    ],
    create: ["POST /repos/{owner}/{repo}/issues"],
    createComment: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"
    ],
    createLabel: ["POST /repos/{owner}/{repo}/labels"],
    createMilestone: ["POST /repos/{owner}/{repo}/milestones"],
    deleteComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}"
    ],
    deleteLabel: ["DELETE /repos/{owner}/{repo}/labels/{name}"],
    deleteMilestone: [
      "DELETE /repos/{owner}/{repo}/milestones/{milestone_number}"
    ],
    get: ["GET /repos/{owner}/{repo}/issues/{issue_number}"],
    getComment: ["GET /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    getEvent: ["GET /repos/{owner}/{repo}/issues/events/{event_id}"],
    getLabel: ["GET /repos/{owner}/{repo}/labels/{name}"],
    getMilestone: ["GET /repos/{owner}/{repo}/milestones/{milestone_number}"],
    getParent: ["GET /repos/{owner}/{repo}/issues/{issue_number}/parent"],
    list: ["GET /issues"],
    listAssignees: ["GET /repos/{owner}/{repo}/assignees"],
    listComments: ["GET /repos/{owner}/{repo}/issues/{issue_number}/comments"],
    listCommentsForRepo: ["GET /repos/{owner}/{repo}/issues/comments"],
    listDependenciesBlockedBy: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    listDependenciesBlocking: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking"
    ],
    listEvents: ["GET /repos/{owner}/{repo}/issues/{issue_number}/events"],
    listEventsForRepo: ["GET /repos/{owner}/{repo}/issues/events"],
    listEventsForTimeline: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline"
    ],
    listForAuthenticatedUser: ["GET /user/issues"],
    listForOrg: ["GET /orgs/{org}/issues"],
    listForRepo: ["GET /repos/{owner}/{repo}/issues"],
    listLabelsForMilestone: [
      "GET /repos/{owner}/{repo}/milestones/{milestone_number}/labels"
    ],
    listLabelsForRepo: ["GET /repos/{owner}/{repo}/labels"],
    listLabelsOnIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    listMilestones: ["GET /repos/{owner}/{repo}/milestones"],
    listSubIssues: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    lock: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    removeAllLabels: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    removeAssignees: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    removeDependencyBlockedBy: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}"
    ],
    removeLabel: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"
    ],
    removeSubIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue"
    ],
    reprioritizeSubIssue: [
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority"
    ],
    setLabels: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    unlock: ["DELETE /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    update: ["PATCH /repos/{owner}/{repo}/issues/{issue_number}"],
    updateComment: ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    updateLabel: ["PATCH /repos/{owner}/{repo}/labels/{name}"],
    updateMilestone: [
      "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}"
    ]
  },
  licenses: {
    get: ["GET /licenses/{license}"],
    getAllCommonlyUsed: ["GET /licenses"],
    getForRepo: ["GET /repos/{owner}/{repo}/license"]
  },
  markdown: {
    render: ["POST /markdown"],
    renderRaw: [
      "POST /markdown/raw",
      { headers: { "content-type": "text/plain; charset=utf-8" } }
    ]
  },
  meta: {
    get: ["GET /meta"],
    getAllVersions: ["GET /versions"],
    getOctocat: ["GET /octocat"],
    getZen: ["GET /zen"],
    root: ["GET /"]
  },
  migrations: {
    deleteArchiveForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/archive"
    ],
    deleteArchiveForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/archive"
    ],
    downloadArchiveForOrg: [
      "GET /orgs/{org}/migrations/{migration_id}/archive"
    ],
    getArchiveForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/archive"
    ],
    getStatusForAuthenticatedUser: ["GET /user/migrations/{migration_id}"],
    getStatusForOrg: ["GET /orgs/{org}/migrations/{migration_id}"],
    listForAuthenticatedUser: ["GET /user/migrations"],
    listForOrg: ["GET /orgs/{org}/migrations"],
    listReposForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/repositories"
    ],
    listReposForOrg: ["GET /orgs/{org}/migrations/{migration_id}/repositories"],
    listReposForUser: [
      "GET /user/migrations/{migration_id}/repositories",
      {},
      { renamed: ["migrations", "listReposForAuthenticatedUser"] }
    ],
    startForAuthenticatedUser: ["POST /user/migrations"],
    startForOrg: ["POST /orgs/{org}/migrations"],
    unlockRepoForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/repos/{repo_name}/lock"
    ],
    unlockRepoForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/repos/{repo_name}/lock"
    ]
  },
  oidc: {
    getOidcCustomSubTemplateForOrg: [
      "GET /orgs/{org}/actions/oidc/customization/sub"
    ],
    updateOidcCustomSubTemplateForOrg: [
      "PUT /orgs/{org}/actions/oidc/customization/sub"
    ]
  },
  orgs: {
    assignTeamToOrgRole: [
      "PUT /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    assignUserToOrgRole: [
      "PUT /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    blockUser: ["PUT /orgs/{org}/blocks/{username}"],
    cancelInvitation: ["DELETE /orgs/{org}/invitations/{invitation_id}"],
    checkBlockedUser: ["GET /orgs/{org}/blocks/{username}"],
    checkMembershipForUser: ["GET /orgs/{org}/members/{username}"],
    checkPublicMembershipForUser: ["GET /orgs/{org}/public_members/{username}"],
    convertMemberToOutsideCollaborator: [
      "PUT /orgs/{org}/outside_collaborators/{username}"
    ],
    createArtifactDeploymentRecord: [
      "POST /orgs/{org}/artifacts/metadata/deployment-record"
    ],
    createArtifactStorageRecord: [
      "POST /orgs/{org}/artifacts/metadata/storage-record"
    ],
    createInvitation: ["POST /orgs/{org}/invitations"],
    createIssueType: ["POST /orgs/{org}/issue-types"],
    createWebhook: ["POST /orgs/{org}/hooks"],
    customPropertiesForOrgsCreateOrUpdateOrganizationValues: [
      "PATCH /organizations/{org}/org-properties/values"
    ],
    customPropertiesForOrgsGetOrganizationValues: [
      "GET /organizations/{org}/org-properties/values"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinition: [
      "PUT /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinitions: [
      "PATCH /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationValues: [
      "PATCH /orgs/{org}/properties/values"
    ],
    customPropertiesForReposDeleteOrganizationDefinition: [
      "DELETE /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinition: [
      "GET /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinitions: [
      "GET /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposGetOrganizationValues: [
      "GET /orgs/{org}/properties/values"
    ],
    delete: ["DELETE /orgs/{org}"],
    deleteAttestationsBulk: ["POST /orgs/{org}/attestations/delete-request"],
    deleteAttestationsById: [
      "DELETE /orgs/{org}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /orgs/{org}/attestations/digest/{subject_digest}"
    ],
    deleteIssueType: ["DELETE /orgs/{org}/issue-types/{issue_type_id}"],
    deleteWebhook: ["DELETE /orgs/{org}/hooks/{hook_id}"],
    disableSelectedRepositoryImmutableReleasesOrganization: [
      "DELETE /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    enableSelectedRepositoryImmutableReleasesOrganization: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    get: ["GET /orgs/{org}"],
    getImmutableReleasesSettings: [
      "GET /orgs/{org}/settings/immutable-releases"
    ],
    getImmutableReleasesSettingsRepositories: [
      "GET /orgs/{org}/settings/immutable-releases/repositories"
    ],
    getMembershipForAuthenticatedUser: ["GET /user/memberships/orgs/{org}"],
    getMembershipForUser: ["GET /orgs/{org}/memberships/{username}"],
    getOrgRole: ["GET /orgs/{org}/organization-roles/{role_id}"],
    getOrgRulesetHistory: ["GET /orgs/{org}/rulesets/{ruleset_id}/history"],
    getOrgRulesetVersion: [
      "GET /orgs/{org}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getWebhook: ["GET /orgs/{org}/hooks/{hook_id}"],
    getWebhookConfigForOrg: ["GET /orgs/{org}/hooks/{hook_id}/config"],
    getWebhookDelivery: [
      "GET /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    list: ["GET /organizations"],
    listAppInstallations: ["GET /orgs/{org}/installations"],
    listArtifactDeploymentRecords: [
      "GET /orgs/{org}/artifacts/{subject_digest}/metadata/deployment-records"
    ],
    listArtifactStorageRecords: [
      "GET /orgs/{org}/artifacts/{subject_digest}/metadata/storage-records"
    ],
    listAttestationRepositories: ["GET /orgs/{org}/attestations/repositories"],
    listAttestations: ["GET /orgs/{org}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /orgs/{org}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedUsers: ["GET /orgs/{org}/blocks"],
    listFailedInvitations: ["GET /orgs/{org}/failed_invitations"],
    listForAuthenticatedUser: ["GET /user/orgs"],
    listForUser: ["GET /users/{username}/orgs"],
    listInvitationTeams: ["GET /orgs/{org}/invitations/{invitation_id}/teams"],
    listIssueTypes: ["GET /orgs/{org}/issue-types"],
    listMembers: ["GET /orgs/{org}/members"],
    listMembershipsForAuthenticatedUser: ["GET /user/memberships/orgs"],
    listOrgRoleTeams: ["GET /orgs/{org}/organization-roles/{role_id}/teams"],
    listOrgRoleUsers: ["GET /orgs/{org}/organization-roles/{role_id}/users"],
    listOrgRoles: ["GET /orgs/{org}/organization-roles"],
    listOrganizationFineGrainedPermissions: [
      "GET /orgs/{org}/organization-fine-grained-permissions"
    ],
    listOutsideCollaborators: ["GET /orgs/{org}/outside_collaborators"],
    listPatGrantRepositories: [
      "GET /orgs/{org}/personal-access-tokens/{pat_id}/repositories"
    ],
    listPatGrantRequestRepositories: [
      "GET /orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories"
    ],
    listPatGrantRequests: ["GET /orgs/{org}/personal-access-token-requests"],
    listPatGrants: ["GET /orgs/{org}/personal-access-tokens"],
    listPendingInvitations: ["GET /orgs/{org}/invitations"],
    listPublicMembers: ["GET /orgs/{org}/public_members"],
    listWebhookDeliveries: ["GET /orgs/{org}/hooks/{hook_id}/deliveries"],
    listWebhooks: ["GET /orgs/{org}/hooks"],
    pingWebhook: ["POST /orgs/{org}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeMember: ["DELETE /orgs/{org}/members/{username}"],
    removeMembershipForUser: ["DELETE /orgs/{org}/memberships/{username}"],
    removeOutsideCollaborator: [
      "DELETE /orgs/{org}/outside_collaborators/{username}"
    ],
    removePublicMembershipForAuthenticatedUser: [
      "DELETE /orgs/{org}/public_members/{username}"
    ],
    reviewPatGrantRequest: [
      "POST /orgs/{org}/personal-access-token-requests/{pat_request_id}"
    ],
    reviewPatGrantRequestsInBulk: [
      "POST /orgs/{org}/personal-access-token-requests"
    ],
    revokeAllOrgRolesTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}"
    ],
    revokeAllOrgRolesUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}"
    ],
    revokeOrgRoleTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    revokeOrgRoleUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    setClusterDeploymentRecords: [
      "POST /orgs/{org}/artifacts/metadata/deployment-record/cluster/{cluster}"
    ],
    setImmutableReleasesSettings: [
      "PUT /orgs/{org}/settings/immutable-releases"
    ],
    setImmutableReleasesSettingsRepositories: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories"
    ],
    setMembershipForUser: ["PUT /orgs/{org}/memberships/{username}"],
    setPublicMembershipForAuthenticatedUser: [
      "PUT /orgs/{org}/public_members/{username}"
    ],
    unblockUser: ["DELETE /orgs/{org}/blocks/{username}"],
    update: ["PATCH /orgs/{org}"],
    updateIssueType: ["PUT /orgs/{org}/issue-types/{issue_type_id}"],
    updateMembershipForAuthenticatedUser: [
      "PATCH /user/memberships/orgs/{org}"
    ],
    updatePatAccess: ["POST /orgs/{org}/personal-access-tokens/{pat_id}"],
    updatePatAccesses: ["POST /orgs/{org}/personal-access-tokens"],
    updateWebhook: ["PATCH /orgs/{org}/hooks/{hook_id}"],
    updateWebhookConfigForOrg: ["PATCH /orgs/{org}/hooks/{hook_id}/config"]
  },
  packages: {
    deletePackageForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}"
    ],
    deletePackageForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    deletePackageForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}"
    ],
    deletePackageVersionForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getAllPackageVersionsForAPackageOwnedByAnOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions",
      {},
      { renamed: ["packages", "getAllPackageVersionsForPackageOwnedByOrg"] }
    ],
    getAllPackageVersionsForAPackageOwnedByTheAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions",
      {},
      {
        renamed: [
          "packages",
          "getAllPackageVersionsForPackageOwnedByAuthenticatedUser"
        ]
      }
    ],
    getAllPackageVersionsForPackageOwnedByAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions"
    ],
    getPackageForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}"
    ],
    getPackageForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    getPackageForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}"
    ],
    getPackageVersionForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    listDockerMigrationConflictingPackagesForAuthenticatedUser: [
      "GET /user/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForOrganization: [
      "GET /orgs/{org}/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForUser: [
      "GET /users/{username}/docker/conflicts"
    ],
    listPackagesForAuthenticatedUser: ["GET /user/packages"],
    listPackagesForOrganization: ["GET /orgs/{org}/packages"],
    listPackagesForUser: ["GET /users/{username}/packages"],
    restorePackageForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageVersionForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ]
  },
  privateRegistries: {
    createOrgPrivateRegistry: ["POST /orgs/{org}/private-registries"],
    deleteOrgPrivateRegistry: [
      "DELETE /orgs/{org}/private-registries/{secret_name}"
    ],
    getOrgPrivateRegistry: ["GET /orgs/{org}/private-registries/{secret_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/private-registries/public-key"],
    listOrgPrivateRegistries: ["GET /orgs/{org}/private-registries"],
    updateOrgPrivateRegistry: [
      "PATCH /orgs/{org}/private-registries/{secret_name}"
    ]
  },
  projects: {
    addFieldForOrg: ["POST /orgs/{org}/projectsV2/{project_number}/fields"],
    addFieldForUser: [
      "POST /users/{username}/projectsV2/{project_number}/fields"
    ],
    addItemForOrg: ["POST /orgs/{org}/projectsV2/{project_number}/items"],
    addItemForUser: [
      "POST /users/{username}/projectsV2/{project_number}/items"
    ],
    createDraftItemForAuthenticatedUser: [
      "POST /user/{user_id}/projectsV2/{project_number}/drafts"
    ],
    createDraftItemForOrg: [
      "POST /orgs/{org}/projectsV2/{project_number}/drafts"
    ],
    deleteItemForOrg: [
      "DELETE /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    deleteItemForUser: [
      "DELETE /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    getFieldForOrg: [
      "GET /orgs/{org}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getFieldForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getForOrg: ["GET /orgs/{org}/projectsV2/{project_number}"],
    getForUser: ["GET /users/{username}/projectsV2/{project_number}"],
    getOrgItem: ["GET /orgs/{org}/projectsV2/{project_number}/items/{item_id}"],
    getUserItem: [
      "GET /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    listFieldsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/fields"],
    listFieldsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields"
    ],
    listForOrg: ["GET /orgs/{org}/projectsV2"],
    listForUser: ["GET /users/{username}/projectsV2"],
    listItemsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/items"],
    listItemsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/items"
    ],
    updateItemForOrg: [
      "PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    updateItemForUser: [
      "PATCH /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ]
  },
  pulls: {
    checkIfMerged: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    create: ["POST /repos/{owner}/{repo}/pulls"],
    createReplyForReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies"
    ],
    createReview: ["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    createReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    deletePendingReview: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    deleteReviewComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ],
    dismissReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals"
    ],
    get: ["GET /repos/{owner}/{repo}/pulls/{pull_number}"],
    getReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    getReviewComment: ["GET /repos/{owner}/{repo}/pulls/comments/{comment_id}"],
    list: ["GET /repos/{owner}/{repo}/pulls"],
    listCommentsForReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/commits"],
    listFiles: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/files"],
    listRequestedReviewers: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    listReviewComments: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    listReviewCommentsForRepo: ["GET /repos/{owner}/{repo}/pulls/comments"],
    listReviews: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    merge: ["PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    removeRequestedReviewers: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    requestReviewers: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    submitReview: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events"
    ],
    update: ["PATCH /repos/{owner}/{repo}/pulls/{pull_number}"],
    updateBranch: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/update-branch"
    ],
    updateReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    updateReviewComment: [
      "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ]
  },
  rateLimit: { get: ["GET /rate_limit"] },
  reactions: {
    createForCommitComment: [
      "POST /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    createForIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions"
    ],
    createForIssueComment: [
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    createForPullRequestReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    createForRelease: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    createForTeamDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    createForTeamDiscussionInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ],
    deleteForCommitComment: [
      "DELETE /repos/{owner}/{repo}/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}"
    ],
    deleteForIssueComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForPullRequestComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForRelease: [
      "DELETE /repos/{owner}/{repo}/releases/{release_id}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussion: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussionComment: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions/{reaction_id}"
    ],
    listForCommitComment: [
      "GET /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    listForIssue: ["GET /repos/{owner}/{repo}/issues/{issue_number}/reactions"],
    listForIssueComment: [
      "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    listForPullRequestReviewComment: [
      "GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    listForRelease: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    listForTeamDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    listForTeamDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ]
  },
  repos: {
    acceptInvitation: [
      "PATCH /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "acceptInvitationForAuthenticatedUser"] }
    ],
    acceptInvitationForAuthenticatedUser: [
      "PATCH /user/repository_invitations/{invitation_id}"
    ],
    addAppAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    addCollaborator: ["PUT /repos/{owner}/{repo}/collaborators/{username}"],
    addStatusCheckContexts: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    addTeamAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    addUserAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    cancelPagesDeployment: [
      "POST /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel"
    ],
    checkAutomatedSecurityFixes: [
      "GET /repos/{owner}/{repo}/automated-security-fixes"
    ],
    checkCollaborator: ["GET /repos/{owner}/{repo}/collaborators/{username}"],
    checkImmutableReleases: ["GET /repos/{owner}/{repo}/immutable-releases"],
    checkPrivateVulnerabilityReporting: [
      "GET /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    checkVulnerabilityAlerts: [
      "GET /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    codeownersErrors: ["GET /repos/{owner}/{repo}/codeowners/errors"],
    compareCommits: ["GET /repos/{owner}/{repo}/compare/{base}...{head}"],
    compareCommitsWithBasehead: [
      "GET /repos/{owner}/{repo}/compare/{basehead}"
    ],
    createAttestation: ["POST /repos/{owner}/{repo}/attestations"],
    createAutolink: ["POST /repos/{owner}/{repo}/autolinks"],
    createCommitComment: [
      "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    createCommitSignatureProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    createCommitStatus: ["POST /repos/{owner}/{repo}/statuses/{sha}"],
    createDeployKey: ["POST /repos/{owner}/{repo}/keys"],
    createDeployment: ["POST /repos/{owner}/{repo}/deployments"],
    createDeploymentBranchPolicy: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    createDeploymentProtectionRule: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    createDeploymentStatus: [
      "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    createDispatchEvent: ["POST /repos/{owner}/{repo}/dispatches"],
    createForAuthenticatedUser: ["POST /user/repos"],
    createFork: ["POST /repos/{owner}/{repo}/forks"],
    createInOrg: ["POST /orgs/{org}/repos"],
    createOrUpdateEnvironment: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    createOrUpdateFileContents: ["PUT /repos/{owner}/{repo}/contents/{path}"],
    createOrgRuleset: ["POST /orgs/{org}/rulesets"],
    createPagesDeployment: ["POST /repos/{owner}/{repo}/pages/deployments"],
    createPagesSite: ["POST /repos/{owner}/{repo}/pages"],
    createRelease: ["POST /repos/{owner}/{repo}/releases"],
    createRepoRuleset: ["POST /repos/{owner}/{repo}/rulesets"],
    createUsingTemplate: [
      "POST /repos/{template_owner}/{template_repo}/generate"
    ],
    createWebhook: ["POST /repos/{owner}/{repo}/hooks"],
    customPropertiesForReposCreateOrUpdateRepositoryValues: [
      "PATCH /repos/{owner}/{repo}/properties/values"
    ],
    customPropertiesForReposGetRepositoryValues: [
      "GET /repos/{owner}/{repo}/properties/values"
    ],
    declineInvitation: [
      "DELETE /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "declineInvitationForAuthenticatedUser"] }
    ],
    declineInvitationForAuthenticatedUser: [
      "DELETE /user/repository_invitations/{invitation_id}"
    ],
    delete: ["DELETE /repos/{owner}/{repo}"],
    deleteAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    deleteAdminBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    deleteAnEnvironment: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    deleteAutolink: ["DELETE /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    deleteBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    deleteCommitComment: ["DELETE /repos/{owner}/{repo}/comments/{comment_id}"],
    deleteCommitSignatureProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    deleteDeployKey: ["DELETE /repos/{owner}/{repo}/keys/{key_id}"],
    deleteDeployment: [
      "DELETE /repos/{owner}/{repo}/deployments/{deployment_id}"
    ],
    deleteDeploymentBranchPolicy: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    deleteFile: ["DELETE /repos/{owner}/{repo}/contents/{path}"],
    deleteInvitation: [
      "DELETE /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    deleteOrgRuleset: ["DELETE /orgs/{org}/rulesets/{ruleset_id}"],
    deletePagesSite: ["DELETE /repos/{owner}/{repo}/pages"],
    deletePullRequestReviewProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    deleteRelease: ["DELETE /repos/{owner}/{repo}/releases/{release_id}"],
    deleteReleaseAsset: [
      "DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    deleteRepoRuleset: ["DELETE /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    deleteWebhook: ["DELETE /repos/{owner}/{repo}/hooks/{hook_id}"],
    disableAutomatedSecurityFixes: [
      "DELETE /repos/{owner}/{repo}/automated-security-fixes"
    ],
    disableDeploymentProtectionRule: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    disableImmutableReleases: [
      "DELETE /repos/{owner}/{repo}/immutable-releases"
    ],
    disablePrivateVulnerabilityReporting: [
      "DELETE /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    disableVulnerabilityAlerts: [
      "DELETE /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    downloadArchive: [
      "GET /repos/{owner}/{repo}/zipball/{ref}",
      {},
      { renamed: ["repos", "downloadZipballArchive"] }
    ],
    downloadTarballArchive: ["GET /repos/{owner}/{repo}/tarball/{ref}"],
    downloadZipballArchive: ["GET /repos/{owner}/{repo}/zipball/{ref}"],
    enableAutomatedSecurityFixes: [
      "PUT /repos/{owner}/{repo}/automated-security-fixes"
    ],
    enableImmutableReleases: ["PUT /repos/{owner}/{repo}/immutable-releases"],
    enablePrivateVulnerabilityReporting: [
      "PUT /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    enableVulnerabilityAlerts: [
      "PUT /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    generateReleaseNotes: [
      "POST /repos/{owner}/{repo}/releases/generate-notes"
    ],
    get: ["GET /repos/{owner}/{repo}"],
    getAccessRestrictions: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    getAdminBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    getAllDeploymentProtectionRules: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    getAllEnvironments: ["GET /repos/{owner}/{repo}/environments"],
    getAllStatusCheckContexts: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts"
    ],
    getAllTopics: ["GET /repos/{owner}/{repo}/topics"],
    getAppsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps"
    ],
    getAutolink: ["GET /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    getBranch: ["GET /repos/{owner}/{repo}/branches/{branch}"],
    getBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    getBranchRules: ["GET /repos/{owner}/{repo}/rules/branches/{branch}"],
    getClones: ["GET /repos/{owner}/{repo}/traffic/clones"],
    getCodeFrequencyStats: ["GET /repos/{owner}/{repo}/stats/code_frequency"],
    getCollaboratorPermissionLevel: [
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission"
    ],
    getCombinedStatusForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/status"],
    getCommit: ["GET /repos/{owner}/{repo}/commits/{ref}"],
    getCommitActivityStats: ["GET /repos/{owner}/{repo}/stats/commit_activity"],
    getCommitComment: ["GET /repos/{owner}/{repo}/comments/{comment_id}"],
    getCommitSignatureProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    getCommunityProfileMetrics: ["GET /repos/{owner}/{repo}/community/profile"],
    getContent: ["GET /repos/{owner}/{repo}/contents/{path}"],
    getContributorsStats: ["GET /repos/{owner}/{repo}/stats/contributors"],
    getCustomDeploymentProtectionRule: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    getDeployKey: ["GET /repos/{owner}/{repo}/keys/{key_id}"],
    getDeployment: ["GET /repos/{owner}/{repo}/deployments/{deployment_id}"],
    getDeploymentBranchPolicy: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    getDeploymentStatus: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}"
    ],
    getEnvironment: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    getLatestPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/latest"],
    getLatestRelease: ["GET /repos/{owner}/{repo}/releases/latest"],
    getOrgRuleSuite: ["GET /orgs/{org}/rulesets/rule-suites/{rule_suite_id}"],
    getOrgRuleSuites: ["GET /orgs/{org}/rulesets/rule-suites"],
    getOrgRuleset: ["GET /orgs/{org}/rulesets/{ruleset_id}"],
    getOrgRulesets: ["GET /orgs/{org}/rulesets"],
    getPages: ["GET /repos/{owner}/{repo}/pages"],
    getPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/{build_id}"],
    getPagesDeployment: [
      "GET /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}"
    ],
    getPagesHealthCheck: ["GET /repos/{owner}/{repo}/pages/health"],
    getParticipationStats: ["GET /repos/{owner}/{repo}/stats/participation"],
    getPullRequestReviewProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    getPunchCardStats: ["GET /repos/{owner}/{repo}/stats/punch_card"],
    getReadme: ["GET /repos/{owner}/{repo}/readme"],
    getReadmeInDirectory: ["GET /repos/{owner}/{repo}/readme/{dir}"],
    getRelease: ["GET /repos/{owner}/{repo}/releases/{release_id}"],
    getReleaseAsset: ["GET /repos/{owner}/{repo}/releases/assets/{asset_id}"],
    getReleaseByTag: ["GET /repos/{owner}/{repo}/releases/tags/{tag}"],
    getRepoRuleSuite: [
      "GET /repos/{owner}/{repo}/rulesets/rule-suites/{rule_suite_id}"
    ],
    getRepoRuleSuites: ["GET /repos/{owner}/{repo}/rulesets/rule-suites"],
    getRepoRuleset: ["GET /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    getRepoRulesetHistory: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history"
    ],
    getRepoRulesetVersion: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getRepoRulesets: ["GET /repos/{owner}/{repo}/rulesets"],
    getStatusChecksProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    getTeamsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams"
    ],
    getTopPaths: ["GET /repos/{owner}/{repo}/traffic/popular/paths"],
    getTopReferrers: ["GET /repos/{owner}/{repo}/traffic/popular/referrers"],
    getUsersWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users"
    ],
    getViews: ["GET /repos/{owner}/{repo}/traffic/views"],
    getWebhook: ["GET /repos/{owner}/{repo}/hooks/{hook_id}"],
    getWebhookConfigForRepo: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    getWebhookDelivery: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    listActivities: ["GET /repos/{owner}/{repo}/activity"],
    listAttestations: [
      "GET /repos/{owner}/{repo}/attestations/{subject_digest}"
    ],
    listAutolinks: ["GET /repos/{owner}/{repo}/autolinks"],
    listBranches: ["GET /repos/{owner}/{repo}/branches"],
    listBranchesForHeadCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/branches-where-head"
    ],
    listCollaborators: ["GET /repos/{owner}/{repo}/collaborators"],
    listCommentsForCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    listCommitCommentsForRepo: ["GET /repos/{owner}/{repo}/comments"],
    listCommitStatusesForRef: [
      "GET /repos/{owner}/{repo}/commits/{ref}/statuses"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/commits"],
    listContributors: ["GET /repos/{owner}/{repo}/contributors"],
    listCustomDeploymentRuleIntegrations: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps"
    ],
    listDeployKeys: ["GET /repos/{owner}/{repo}/keys"],
    listDeploymentBranchPolicies: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    listDeploymentStatuses: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    listDeployments: ["GET /repos/{owner}/{repo}/deployments"],
    listForAuthenticatedUser: ["GET /user/repos"],
    listForOrg: ["GET /orgs/{org}/repos"],
    listForUser: ["GET /users/{username}/repos"],
    listForks: ["GET /repos/{owner}/{repo}/forks"],
    listInvitations: ["GET /repos/{owner}/{repo}/invitations"],
    listInvitationsForAuthenticatedUser: ["GET /user/repository_invitations"],
    listLanguages: ["GET /repos/{owner}/{repo}/languages"],
    listPagesBuilds: ["GET /repos/{owner}/{repo}/pages/builds"],
    listPublic: ["GET /repositories"],
    listPullRequestsAssociatedWithCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls"
    ],
    listReleaseAssets: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/assets"
    ],
    listReleases: ["GET /repos/{owner}/{repo}/releases"],
    listTags: ["GET /repos/{owner}/{repo}/tags"],
    listTeams: ["GET /repos/{owner}/{repo}/teams"],
    listWebhookDeliveries: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries"
    ],
    listWebhooks: ["GET /repos/{owner}/{repo}/hooks"],
    merge: ["POST /repos/{owner}/{repo}/merges"],
    mergeUpstream: ["POST /repos/{owner}/{repo}/merge-upstream"],
    pingWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeAppAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    removeCollaborator: [
      "DELETE /repos/{owner}/{repo}/collaborators/{username}"
    ],
    removeStatusCheckContexts: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    removeStatusCheckProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    removeTeamAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    removeUserAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    renameBranch: ["POST /repos/{owner}/{repo}/branches/{branch}/rename"],
    replaceAllTopics: ["PUT /repos/{owner}/{repo}/topics"],
    requestPagesBuild: ["POST /repos/{owner}/{repo}/pages/builds"],
    setAdminBranchProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    setAppAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    setStatusCheckContexts: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    setTeamAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    setUserAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    testPushWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/tests"],
    transfer: ["POST /repos/{owner}/{repo}/transfer"],
    update: ["PATCH /repos/{owner}/{repo}"],
    updateBranchProtection: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    updateCommitComment: ["PATCH /repos/{owner}/{repo}/comments/{comment_id}"],
    updateDeploymentBranchPolicy: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    updateInformationAboutPagesSite: ["PUT /repos/{owner}/{repo}/pages"],
    updateInvitation: [
      "PATCH /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    updateOrgRuleset: ["PUT /orgs/{org}/rulesets/{ruleset_id}"],
    updatePullRequestReviewProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    updateRelease: ["PATCH /repos/{owner}/{repo}/releases/{release_id}"],
    updateReleaseAsset: [
      "PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    updateRepoRuleset: ["PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    updateStatusCheckPotection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks",
      {},
      { renamed: ["repos", "updateStatusCheckProtection"] }
    ],
    updateStatusCheckProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    updateWebhook: ["PATCH /repos/{owner}/{repo}/hooks/{hook_id}"],
    updateWebhookConfigForRepo: [
      "PATCH /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    uploadReleaseAsset: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}",
      { baseUrl: "https://uploads.github.com" }
    ]
  },
  search: {
    code: ["GET /search/code"],
    commits: ["GET /search/commits"],
    issuesAndPullRequests: ["GET /search/issues"],
    labels: ["GET /search/labels"],
    repos: ["GET /search/repositories"],
    topics: ["GET /search/topics"],
    users: ["GET /search/users"]
  },
  secretScanning: {
    createPushProtectionBypass: [
      "POST /repos/{owner}/{repo}/secret-scanning/push-protection-bypasses"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    getScanHistory: ["GET /repos/{owner}/{repo}/secret-scanning/scan-history"],
    listAlertsForOrg: ["GET /orgs/{org}/secret-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/secret-scanning/alerts"],
    listLocationsForAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations"
    ],
    listOrgPatternConfigs: [
      "GET /orgs/{org}/secret-scanning/pattern-configurations"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    updateOrgPatternConfigs: [
      "PATCH /orgs/{org}/secret-scanning/pattern-configurations"
    ]
  },
  securityAdvisories: {
    createFork: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/forks"
    ],
    createPrivateVulnerabilityReport: [
      "POST /repos/{owner}/{repo}/security-advisories/reports"
    ],
    createRepositoryAdvisory: [
      "POST /repos/{owner}/{repo}/security-advisories"
    ],
    createRepositoryAdvisoryCveRequest: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/cve"
    ],
    getGlobalAdvisory: ["GET /advisories/{ghsa_id}"],
    getRepositoryAdvisory: [
      "GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ],
    listGlobalAdvisories: ["GET /advisories"],
    listOrgRepositoryAdvisories: ["GET /orgs/{org}/security-advisories"],
    listRepositoryAdvisories: ["GET /repos/{owner}/{repo}/security-advisories"],
    updateRepositoryAdvisory: [
      "PATCH /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ]
  },
  teams: {
    addOrUpdateMembershipForUserInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    addOrUpdateRepoPermissionsInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    checkPermissionsForRepoInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    create: ["POST /orgs/{org}/teams"],
    createDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    createDiscussionInOrg: ["POST /orgs/{org}/teams/{team_slug}/discussions"],
    deleteDiscussionCommentInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    deleteDiscussionInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    deleteInOrg: ["DELETE /orgs/{org}/teams/{team_slug}"],
    getByName: ["GET /orgs/{org}/teams/{team_slug}"],
    getDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    getDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    getMembershipForUserInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    list: ["GET /orgs/{org}/teams"],
    listChildInOrg: ["GET /orgs/{org}/teams/{team_slug}/teams"],
    listDiscussionCommentsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    listDiscussionsInOrg: ["GET /orgs/{org}/teams/{team_slug}/discussions"],
    listForAuthenticatedUser: ["GET /user/teams"],
    listMembersInOrg: ["GET /orgs/{org}/teams/{team_slug}/members"],
    listPendingInvitationsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/invitations"
    ],
    listReposInOrg: ["GET /orgs/{org}/teams/{team_slug}/repos"],
    removeMembershipForUserInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    removeRepoInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    updateDiscussionCommentInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    updateDiscussionInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    updateInOrg: ["PATCH /orgs/{org}/teams/{team_slug}"]
  },
  users: {
    addEmailForAuthenticated: [
      "POST /user/emails",
      {},
      { renamed: ["users", "addEmailForAuthenticatedUser"] }
    ],
    addEmailForAuthenticatedUser: ["POST /user/emails"],
    addSocialAccountForAuthenticatedUser: ["POST /user/social_accounts"],
    block: ["PUT /user/blocks/{username}"],
    checkBlocked: ["GET /user/blocks/{username}"],
    checkFollowingForUser: ["GET /users/{username}/following/{target_user}"],
    checkPersonIsFollowedByAuthenticated: ["GET /user/following/{username}"],
    createGpgKeyForAuthenticated: [
      "POST /user/gpg_keys",
      {},
      { renamed: ["users", "createGpgKeyForAuthenticatedUser"] }
    ],
    createGpgKeyForAuthenticatedUser: ["POST /user/gpg_keys"],
    createPublicSshKeyForAuthenticated: [
      "POST /user/keys",
      {},
      { renamed: ["users", "createPublicSshKeyForAuthenticatedUser"] }
    ],
    createPublicSshKeyForAuthenticatedUser: ["POST /user/keys"],
    createSshSigningKeyForAuthenticatedUser: ["POST /user/ssh_signing_keys"],
    deleteAttestationsBulk: [
      "POST /users/{username}/attestations/delete-request"
    ],
    deleteAttestationsById: [
      "DELETE /users/{username}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /users/{username}/attestations/digest/{subject_digest}"
    ],
    deleteEmailForAuthenticated: [
      "DELETE /user/emails",
      {},
      { renamed: ["users", "deleteEmailForAuthenticatedUser"] }
    ],
    deleteEmailForAuthenticatedUser: ["DELETE /user/emails"],
    deleteGpgKeyForAuthenticated: [
      "DELETE /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "deleteGpgKeyForAuthenticatedUser"] }
    ],
    deleteGpgKeyForAuthenticatedUser: ["DELETE /user/gpg_keys/{gpg_key_id}"],
    deletePublicSshKeyForAuthenticated: [
      "DELETE /user/keys/{key_id}",
      {},
      { renamed: ["users", "deletePublicSshKeyForAuthenticatedUser"] }
    ],
    deletePublicSshKeyForAuthenticatedUser: ["DELETE /user/keys/{key_id}"],
    deleteSocialAccountForAuthenticatedUser: ["DELETE /user/social_accounts"],
    deleteSshSigningKeyForAuthenticatedUser: [
      "DELETE /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    follow: ["PUT /user/following/{username}"],
    getAuthenticated: ["GET /user"],
    getById: ["GET /user/{account_id}"],
    getByUsername: ["GET /users/{username}"],
    getContextForUser: ["GET /users/{username}/hovercard"],
    getGpgKeyForAuthenticated: [
      "GET /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "getGpgKeyForAuthenticatedUser"] }
    ],
    getGpgKeyForAuthenticatedUser: ["GET /user/gpg_keys/{gpg_key_id}"],
    getPublicSshKeyForAuthenticated: [
      "GET /user/keys/{key_id}",
      {},
      { renamed: ["users", "getPublicSshKeyForAuthenticatedUser"] }
    ],
    getPublicSshKeyForAuthenticatedUser: ["GET /user/keys/{key_id}"],
    getSshSigningKeyForAuthenticatedUser: [
      "GET /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    list: ["GET /users"],
    listAttestations: ["GET /users/{username}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /users/{username}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedByAuthenticated: [
      "GET /user/blocks",
      {},
      { renamed: ["users", "listBlockedByAuthenticatedUser"] }
    ],
    listBlockedByAuthenticatedUser: ["GET /user/blocks"],
    listEmailsForAuthenticated: [
      "GET /user/emails",
      {},
      { renamed: ["users", "listEmailsForAuthenticatedUser"] }
    ],
    listEmailsForAuthenticatedUser: ["GET /user/emails"],
    listFollowedByAuthenticated: [
      "GET /user/following",
      {},
      { renamed: ["users", "listFollowedByAuthenticatedUser"] }
    ],
    listFollowedByAuthenticatedUser: ["GET /user/following"],
    listFollowersForAuthenticatedUser: ["GET /user/followers"],
    listFollowersForUser: ["GET /users/{username}/followers"],
    listFollowingForUser: ["GET /users/{username}/following"],
    listGpgKeysForAuthenticated: [
      "GET /user/gpg_keys",
      {},
      { renamed: ["users", "listGpgKeysForAuthenticatedUser"] }
    ],
    listGpgKeysForAuthenticatedUser: ["GET /user/gpg_keys"],
    listGpgKeysForUser: ["GET /users/{username}/gpg_keys"],
    listPublicEmailsForAuthenticated: [
      "GET /user/public_emails",
      {},
      { renamed: ["users", "listPublicEmailsForAuthenticatedUser"] }
    ],
    listPublicEmailsForAuthenticatedUser: ["GET /user/public_emails"],
    listPublicKeysForUser: ["GET /users/{username}/keys"],
    listPublicSshKeysForAuthenticated: [
      "GET /user/keys",
      {},
      { renamed: ["users", "listPublicSshKeysForAuthenticatedUser"] }
    ],
    listPublicSshKeysForAuthenticatedUser: ["GET /user/keys"],
    listSocialAccountsForAuthenticatedUser: ["GET /user/social_accounts"],
    listSocialAccountsForUser: ["GET /users/{username}/social_accounts"],
    listSshSigningKeysForAuthenticatedUser: ["GET /user/ssh_signing_keys"],
    listSshSigningKeysForUser: ["GET /users/{username}/ssh_signing_keys"],
    setPrimaryEmailVisibilityForAuthenticated: [
      "PATCH /user/email/visibility",
      {},
      { renamed: ["users", "setPrimaryEmailVisibilityForAuthenticatedUser"] }
    ],
    setPrimaryEmailVisibilityForAuthenticatedUser: [
      "PATCH /user/email/visibility"
    ],
    unblock: ["DELETE /user/blocks/{username}"],
    unfollow: ["DELETE /user/following/{username}"],
    updateAuthenticated: ["PATCH /user"]
  }
};
var endpoints_default = Endpoints;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/endpoints-to-methods.js
var endpointMethodsMap = /* @__PURE__ */ new Map();
for (const [scope, endpoints] of Object.entries(endpoints_default)) {
  for (const [methodName, endpoint] of Object.entries(endpoints)) {
    const [route, defaults, decorations] = endpoint;
    const [method, url] = route.split(/ /);
    const endpointDefaults = Object.assign(
      {
        method,
        url
      },
      defaults
    );
    if (!endpointMethodsMap.has(scope)) {
      endpointMethodsMap.set(scope, /* @__PURE__ */ new Map());
    }
    endpointMethodsMap.get(scope).set(methodName, {
      scope,
      methodName,
      endpointDefaults,
      decorations
    });
  }
}
var handler = {
  has({ scope }, methodName) {
    return endpointMethodsMap.get(scope).has(methodName);
  },
  getOwnPropertyDescriptor(target, methodName) {
    return {
      value: this.get(target, methodName),
      // ensures method is in the cache
      configurable: true,
      writable: true,
      enumerable: true
    };
  },
  defineProperty(target, methodName, descriptor) {
    Object.defineProperty(target.cache, methodName, descriptor);
    return true;
  },
  deleteProperty(target, methodName) {
    delete target.cache[methodName];
    return true;
  },
  ownKeys({ scope }) {
    return [...endpointMethodsMap.get(scope).keys()];
  },
  set(target, methodName, value) {
    return target.cache[methodName] = value;
  },
  get({ octokit, scope, cache }, methodName) {
    if (cache[methodName]) {
      return cache[methodName];
    }
    const method = endpointMethodsMap.get(scope).get(methodName);
    if (!method) {
      return void 0;
    }
    const { endpointDefaults, decorations } = method;
    if (decorations) {
      cache[methodName] = decorate(
        octokit,
        scope,
        methodName,
        endpointDefaults,
        decorations
      );
    } else {
      cache[methodName] = octokit.request.defaults(endpointDefaults);
    }
    return cache[methodName];
  }
};
function endpointsToMethods(octokit) {
  const newMethods = {};
  for (const scope of endpointMethodsMap.keys()) {
    newMethods[scope] = new Proxy({ octokit, scope, cache: {} }, handler);
  }
  return newMethods;
}
function decorate(octokit, scope, methodName, defaults, decorations) {
  const requestWithDefaults = octokit.request.defaults(defaults);
  function withDecorations(...args) {
    let options = requestWithDefaults.endpoint.merge(...args);
    if (decorations.mapToData) {
      options = Object.assign({}, options, {
        data: options[decorations.mapToData],
        [decorations.mapToData]: void 0
      });
      return requestWithDefaults(options);
    }
    if (decorations.renamed) {
      const [newScope, newMethodName] = decorations.renamed;
      octokit.log.warn(
        `octokit.${scope}.${methodName}() has been renamed to octokit.${newScope}.${newMethodName}()`
      );
    }
    if (decorations.deprecated) {
      octokit.log.warn(decorations.deprecated);
    }
    if (decorations.renamedParameters) {
      const options2 = requestWithDefaults.endpoint.merge(...args);
      for (const [name, alias] of Object.entries(
        decorations.renamedParameters
      )) {
        if (name in options2) {
          octokit.log.warn(
            `"${name}" parameter is deprecated for "octokit.${scope}.${methodName}()". Use "${alias}" instead`
          );
          if (!(alias in options2)) {
            options2[alias] = options2[name];
          }
          delete options2[name];
        }
      }
      return requestWithDefaults(options2);
    }
    return requestWithDefaults(...args);
  }
  return Object.assign(withDecorations, requestWithDefaults);
}

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js
function restEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    rest: api
  };
}
restEndpointMethods.VERSION = VERSION3;
function legacyRestEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    ...api,
    rest: api
  };
}
legacyRestEndpointMethods.VERSION = VERSION3;

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);
var VERSION4 = "0.0.0-development";
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck2, common) {
  groups.global = new Bottleneck2.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck2.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck2.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck2.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck2.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck: Bottleneck2 = import_light.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck2, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck2();
    const events = {};
    const emitter = new Bottleneck2.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION4;
throttling.triggersNotification = triggersNotification;

// src/github/answers.ts
var UnexpectedAnswerError = class extends Error {
  name = "UnexpectedAnswerError";
};
function assertJsonAnswer(answer, asked) {
  if (answer.status === 204 || answer.status === 205) return;
  if (asked.mediaType?.format || !/json/i.test(String(asked.headers.accept ?? ""))) return;
  if (typeof answer.data === "object" && answer.data !== null && !(answer.data instanceof ArrayBuffer))
    return;
  const type = String(answer.headers["content-type"] ?? "no content type");
  const body = typeof answer.data === "string" ? answer.data : "";
  const start = body.replace(/\s+/g, " ").trim().slice(0, 80);
  throw new UnexpectedAnswerError(
    `GitHub's API answered ${asked.method} ${asked.url} with something that is not JSON (${answer.status}, ${type}, ${body.length} characters${start ? `: "${start}"` : ""}); a proxy or a login page in the way, or an answer cut off`
  );
}
function positiveId(value, endpoint, field = "id") {
  const id = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof id === "number" && Number.isSafeInteger(id) && id > 0) return id;
  throw unexpected(endpoint, field, value);
}
function textField(value, endpoint, field) {
  if (typeof value === "string" && value !== "") return value;
  throw unexpected(endpoint, field, value);
}
function unexpected(endpoint, field, value) {
  const got = value === void 0 ? "nothing" : JSON.stringify(value)?.slice(0, 80);
  return new UnexpectedAnswerError(
    `GitHub's API answered ${endpoint} without a valid ${field} (got ${got})`
  );
}

// src/github/octokit.ts
var Bottleneck = import_light2.default;
var BindProbeOctokit = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);
var DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
function createOctokit(settings) {
  const {
    logger,
    retries = 3,
    rateLimitRetries = 3,
    maxRateLimitWaitSeconds = 300,
    msPerSecond = 1e3
  } = settings;
  const network = settings.network ?? new NetworkBudget(DEFAULT_NETWORK_SETTINGS, logger);
  const onLimit = (kind) => (retryAfter, options, _o, retryCount) => {
    const what = `${options.method} ${options.url}`;
    const left = network.remainingMs();
    if (retryAfter * msPerSecond >= left) {
      logger.warning(
        `GitHub ${kind} rate limit on ${what}: GitHub asks to wait ${retryAfter} s, more than the ${duration(left)} left of bind-probe's network deadline; giving up`
      );
      return false;
    }
    if (retryCount < rateLimitRetries && retryAfter <= maxRateLimitWaitSeconds) {
      logger.warning(
        `GitHub ${kind} rate limit on ${what}: retrying in ${retryAfter} s (retry ${retryCount + 1} of ${rateLimitRetries})`
      );
      return true;
    }
    logger.warning(
      `GitHub ${kind} rate limit on ${what}: giving up after ${retryCount} retr${retryCount === 1 ? "y" : "ies"} (GitHub asks to wait ${retryAfter} s)`
    );
    return false;
  };
  const groups2 = settings.pacing ? {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: settings.pacing.writeMs }),
    notifications: new Bottleneck.Group({
      maxConcurrent: 1,
      minTime: settings.pacing.notificationMs
    })
  } : {};
  const octokit = new BindProbeOctokit({
    auth: settings.token,
    baseUrl: settings.baseUrl.replace(/\/+$/, ""),
    userAgent: settings.userAgent ?? `bind-probe/${VERSION}`,
    log: {
      debug: (m) => logger.debug(m),
      info: (m) => logger.debug(m),
      warn: (m) => logger.warning(m),
      error: (m) => logger.error(m)
    },
    retry: { doNotRetry: DO_NOT_RETRY, retries, retryAfterBaseValue: msPerSecond },
    throttle: {
      id: settings.throttleId ?? "bind-probe",
      retryAfterBaseValue: msPerSecond,
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
      ...groups2
    },
    request: { fetch: network.fetch }
  });
  octokit.hook.after(
    "request",
    (response, options) => assertJsonAnswer(response, {
      method: options.method,
      url: options.url,
      headers: options.headers,
      ...options.mediaType ? { mediaType: options.mediaType } : {}
    })
  );
  octokit.hook.wrap(
    "request",
    (request, options) => network.within(`GitHub's API (${options.method} ${options.url})`, async () => request(options))
  );
  return octokit;
}

// src/github/context.ts
import { readFileSync } from "node:fs";
var ContextError = class extends Error {
  name = "ContextError";
};
var DEPENDABOT = "dependabot[bot]";
function resolveContext(env = process.env, readEvent = (p) => readFileSync(p, "utf8")) {
  const repoFull = required(env, "GITHUB_REPOSITORY");
  const [owner, repo, ...rest] = repoFull.split("/");
  if (!owner || !repo || rest.length) {
    throw new ContextError(`GITHUB_REPOSITORY must be "owner/name", got "${repoFull}"`);
  }
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const payload = readPayload(env, readEvent);
  const serverUrl = trimSlash(webUrl(env, "GITHUB_SERVER_URL") ?? "https://github.com");
  const apiUrl = trimSlash(webUrl(env, "GITHUB_API_URL") ?? apiUrlFor(serverUrl));
  const sha = env.GITHUB_SHA ?? str(payload.after) ?? "";
  const runId = int(env.GITHUB_RUN_ID, "GITHUB_RUN_ID") ?? 0;
  const runAttempt = int(env.GITHUB_RUN_ATTEMPT, "GITHUB_RUN_ATTEMPT") ?? 1;
  const actor = env.GITHUB_ACTOR || void 0;
  const base = {
    eventName,
    kind: kindOf(eventName),
    repo: { owner, repo },
    sha,
    headSha: sha,
    ...env.GITHUB_REF ? { ref: env.GITHUB_REF } : {},
    runId,
    runAttempt,
    ...env.GITHUB_WORKFLOW ? { workflow: env.GITHUB_WORKFLOW } : {},
    ...env.GITHUB_JOB ? { job: env.GITHUB_JOB } : {},
    ...actor ? { actor } : {},
    serverUrl,
    apiUrl,
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`
  };
  switch (base.kind) {
    case "pull_request":
    case "pull_request_target": {
      const pr = pullRequestFromEvent(payload, repoFull);
      if (!pr) {
        throw new ContextError(
          `a ${eventName} event without a pull_request in its payload (${env.GITHUB_EVENT_PATH})`
        );
      }
      const dependabot = actor === DEPENDABOT || pr.author === DEPENDABOT;
      const readOnlyReason = pr.fromFork ? "fork" : dependabot ? "dependabot" : void 0;
      return {
        ...base,
        headSha: pr.headSha,
        pullRequest: pr,
        // pull_request_target runs with the base repository's token, write access included.
        ...readOnlyReason && base.kind === "pull_request" ? { readOnlyReason } : {}
      };
    }
    case "workflow_run": {
      const run2 = triggeringRunFrom(payload);
      if (!run2) {
        throw new ContextError(
          `a workflow_run event without a workflow_run in its payload (${env.GITHUB_EVENT_PATH})`
        );
      }
      const pr = pullRequestFromRun(run2, repoFull);
      return {
        ...base,
        headSha: run2.headSha,
        triggeringRun: run2,
        ...pr ? { pullRequest: pr } : {}
      };
    }
    case "merge_group": {
      const group = obj(payload.merge_group);
      const baseSha = str(group?.base_sha);
      return { ...base, headSha: str(group?.head_sha) ?? sha, ...baseSha ? { baseSha } : {} };
    }
    default:
      return base;
  }
}
function apiUrlFor(serverUrl) {
  const host = new URL(serverUrl).hostname;
  if (host === "github.com") return "https://api.github.com";
  if (host.endsWith(".ghe.com")) return `https://api.${host}`;
  return `${serverUrl}/api/v3`;
}
function kindOf(eventName) {
  switch (eventName) {
    // A review runs like a pull_request: on the test merge commit (GITHUB_SHA, which holds the
    // pull request's edits), read-only from a fork. Only the pull request's base is trusted.
    case "pull_request_review":
    case "pull_request_review_comment":
      return "pull_request";
    case "pull_request":
    case "pull_request_target":
    case "workflow_run":
    case "push":
    case "merge_group":
      return eventName;
    default:
      return "other";
  }
}
function pullRequestFromEvent(payload, repoFull) {
  const pr = obj(payload.pull_request);
  const number = num(pr?.number) ?? num(payload.number);
  const head = obj(pr?.head);
  const baseBranch = obj(pr?.base);
  const headSha = str(head?.sha);
  if (!pr || number === void 0 || !headSha) return void 0;
  const headRepo = str(obj(head?.repo)?.full_name);
  const baseRepo = str(obj(baseBranch?.repo)?.full_name) ?? repoFull;
  const author = str(obj(pr.user)?.login);
  const headRef = str(head?.ref);
  const baseSha = str(baseBranch?.sha);
  return {
    number,
    headSha,
    baseRef: str(baseBranch?.ref) ?? "",
    ...baseSha ? { baseSha } : {},
    ...headRef ? { headRef } : {},
    ...headRepo ? { headRepo } : {},
    // A deleted head repository (headRepo undefined) can only have been a fork.
    fromFork: headRepo === void 0 || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
    ...author ? { author } : {},
    source: "event"
  };
}
function triggeringRunFrom(payload) {
  const run2 = obj(payload.workflow_run);
  const id = num(run2?.id);
  const headSha = str(run2?.head_sha);
  if (!run2 || id === void 0 || !headSha) return void 0;
  const repoId = num(obj(payload.repository)?.id) ?? num(obj(run2.repository)?.id);
  const pullRequests = (Array.isArray(run2.pull_requests) ? run2.pull_requests : []).map((p) => obj(p)).filter((p) => p !== void 0).filter((p) => repoId === void 0 || num(obj(obj(p.base)?.repo)?.id) === repoId).flatMap((p) => {
    const number = num(p.number);
    const sha = str(obj(p.head)?.sha);
    if (number === void 0 || !sha) return [];
    const headRef = str(obj(p.head)?.ref);
    return [
      {
        number,
        headSha: sha,
        baseRef: str(obj(p.base)?.ref) ?? "",
        ...headRef ? { headRef } : {}
      }
    ];
  });
  const headBranch = str(run2.head_branch);
  const headRepo = str(obj(run2.head_repository)?.full_name);
  const conclusion = str(run2.conclusion);
  const htmlUrl = str(run2.html_url);
  return {
    id,
    attempt: num(run2.run_attempt) ?? 1,
    event: str(run2.event) ?? "",
    headSha,
    ...headBranch ? { headBranch } : {},
    ...headRepo ? { headRepo } : {},
    ...conclusion ? { conclusion } : {},
    ...htmlUrl ? { htmlUrl } : {},
    pullRequests
  };
}
function pullRequestFromRun(run2, repoFull) {
  if (run2.event !== "pull_request" && run2.event !== "pull_request_target") return void 0;
  const match = run2.pullRequests.find((p) => p.headSha === run2.headSha);
  if (!match) return void 0;
  return {
    number: match.number,
    headSha: match.headSha,
    baseRef: match.baseRef,
    ...match.headRef ? { headRef: match.headRef } : {},
    ...run2.headRepo ? { headRepo: run2.headRepo } : {},
    fromFork: run2.headRepo !== void 0 && run2.headRepo.toLowerCase() !== repoFull.toLowerCase(),
    source: "workflow-run"
  };
}
function readPayload(env, readEvent) {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  let text;
  try {
    text = readEvent(path);
  } catch (error) {
    throw new ContextError(
      `cannot read the event payload at GITHUB_EVENT_PATH=${path}: ${error.message}`
    );
  }
  try {
    const value = JSON.parse(text);
    return obj(value) ?? {};
  } catch (error) {
    throw new ContextError(`the event payload at ${path} is not JSON: ${error.message}`);
  }
}
function required(env, name) {
  const value = env[name];
  if (!value) {
    throw new ContextError(
      `${name} is not set: run inside GitHub Actions, or set it for a local run`
    );
  }
  return value;
}
function int(value, name) {
  if (value === void 0 || value === "") return void 0;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new ContextError(`${name} must be a whole number, got "${value}"`);
  }
  return n;
}
function webUrl(env, name) {
  const value = env[name];
  if (!value) return void 0;
  if (!httpUrl(value)) {
    const example = name === "GITHUB_API_URL" ? "https://api.github.com" : "https://github.com";
    throw new SettingError(`${name} must be an http(s) URL such as ${example}, got "${value}"`);
  }
  return value;
}
function trimSlash(url) {
  return url.replace(/\/+$/, "");
}
function obj(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function str(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function num(value) {
  return typeof value === "number" && Number.isSafeInteger(value) ? value : void 0;
}

// src/github/errors.ts
var RefusedError = class extends Error {
  name = "RefusedError";
  refusal;
  constructor(refusal) {
    super(refusal.message);
    this.refusal = refusal;
  }
};
function isRestLike(error) {
  return typeof error === "object" && error !== null && typeof Reflect.get(error, "status") === "number";
}
function isGraphqlLike(error) {
  return typeof error === "object" && error !== null && Array.isArray(Reflect.get(error, "errors"));
}
var GRAPHQL_KINDS = {
  FORBIDDEN: "denied",
  NOT_FOUND: "not-found",
  UNPROCESSABLE: "invalid"
};
function refusalOf(error) {
  if (error instanceof RefusedError) return error.refusal;
  if (error instanceof NetworkDeadlineError || error instanceof RequestTimeoutError || error instanceof UnexpectedAnswerError) {
    return { kind: "unavailable", message: error.message };
  }
  if (isGraphqlLike(error)) {
    for (const e of error.errors) {
      const kind = e.type ? GRAPHQL_KINDS[e.type] : void 0;
      if (kind) return { kind, message: e.message ?? error.message };
    }
    return void 0;
  }
  if (!isRestLike(error)) return void 0;
  const message2 = restMessage(error);
  if (error.status === 429 || error.status === 403 && /rate limit/i.test(message2)) {
    return { kind: "unavailable", status: error.status, message: message2 };
  }
  if (error.status >= 500) return { kind: "unavailable", status: error.status, message: message2 };
  if (error.status === 401 || error.status === 403) {
    return { kind: "denied", status: error.status, message: message2 };
  }
  if (error.status === 404 || error.status === 410) {
    return { kind: "not-found", status: error.status, message: message2 };
  }
  if (error.status === 422) return { kind: "invalid", status: error.status, message: message2 };
  return void 0;
}
function restMessage(error) {
  const data = error.response?.data;
  const detail = typeof data === "object" && data !== null ? Reflect.get(data, "message") : void 0;
  const errors = typeof data === "object" && data !== null ? Reflect.get(data, "errors") : void 0;
  const extra = Array.isArray(errors) ? errors.map(
    (e) => typeof e === "string" ? e : typeof e === "object" && e !== null ? String(Reflect.get(e, "message") ?? Reflect.get(e, "code") ?? "") : ""
  ).filter(Boolean) : [];
  const base = typeof detail === "string" ? detail : error.message;
  return extra.length ? `${base} (${extra.join("; ")})` : base;
}
function statusOf(refusal) {
  return refusal.kind === "invalid" ? "rejected" : refusal.kind;
}
function describeError(error) {
  if (error instanceof Error) return error.message;
  return String(error);
}

// src/github/pull-request.ts
async function resolvePullRequest(api, context, claimedNumbers, logger) {
  if (context.pullRequest) return context.pullRequest;
  const run2 = context.triggeringRun;
  if (context.kind !== "workflow_run" || !run2) return void 0;
  if (run2.event !== "pull_request" && run2.event !== "pull_request_target") return void 0;
  const repoFull = `${context.repo.owner}/${context.repo.repo}`.toLowerCase();
  const fromFork = run2.headRepo !== void 0 && run2.headRepo.toLowerCase() !== repoFull;
  for (const number of [...new Set(claimedNumbers)]) {
    let pull;
    try {
      ;
      ({ data: pull } = await api.rest.pulls.get({ ...where(context), pull_number: number }));
    } catch (error) {
      if (!refusalOf(error)) throw error;
      logger.warning(
        `the probe results name pull request #${number}, which cannot be read: ${refusalOf(error).message}`
      );
      continue;
    }
    const endpoint = "GET /repos/{owner}/{repo}/pulls/{pull_number}";
    const headSha = textField(pull.head?.sha, endpoint, "head.sha");
    const baseRepo = textField(
      pull.base?.repo?.full_name,
      endpoint,
      "base.repo.full_name"
    ).toLowerCase();
    if (headSha === run2.headSha && baseRepo === repoFull) {
      return {
        number,
        headSha: pull.head.sha,
        baseRef: pull.base.ref,
        headRef: pull.head.ref,
        ...pull.head.repo ? { headRepo: pull.head.repo.full_name } : {},
        fromFork,
        source: "verified-claim"
      };
    }
    logger.warning(
      `the probe results name pull request #${number}, but its head is ${headSha.slice(0, 12)}, not the commit the triggering run tested (${run2.headSha.slice(0, 12)}); not commenting there`
    );
  }
  if (run2.headBranch && run2.headRepo) {
    const owner = run2.headRepo.split("/")[0];
    const { data: pulls } = await api.rest.pulls.list({
      ...where(context),
      head: `${owner}:${run2.headBranch}`,
      state: "open",
      per_page: 10
    });
    if (!Array.isArray(pulls)) {
      throw new UnexpectedAnswerError(
        "GitHub's API answered GET /repos/{owner}/{repo}/pulls without a list of pull requests"
      );
    }
    const match = pulls.find((p) => p.head?.sha === run2.headSha);
    if (match) {
      return {
        number: match.number,
        headSha: match.head.sha,
        baseRef: match.base.ref,
        headRef: match.head.ref,
        headRepo: run2.headRepo,
        fromFork,
        source: "head-branch"
      };
    }
  }
  return void 0;
}
function where(context) {
  return { owner: context.repo.owner, repo: context.repo.repo };
}

// src/github/artifact-transport.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function defaultArtifactClient() {
  const { DefaultArtifactClient } = await import("./artifact-6OD3ZK4U.js");
  return new DefaultArtifactClient();
}
var ArtifactTransport = class {
  client;
  options;
  constructor(client, options) {
    this.client = client;
    this.options = options;
  }
  within(what, call) {
    const network = this.options.network;
    return network ? network.within(what, call) : call();
  }
  async scratch() {
    return mkdtemp(join(this.options.tempDir ?? process.env.RUNNER_TEMP ?? tmpdir(), "bind-probe-"));
  }
  async upload(name, files) {
    const dir = await this.scratch();
    try {
      const paths = [];
      for (const file of files) {
        if (/[/\\]/.test(file.name))
          throw new Error(`file name "${file.name}" must not contain a directory`);
        const path = join(dir, file.name);
        await writeFile(path, file.content);
        paths.push(path);
      }
      const { id, size } = await this.within(
        `the upload of artifact ${name}`,
        () => this.client.uploadArtifact(name, paths, dir, {
          ...this.options.retentionDays ? { retentionDays: this.options.retentionDays } : {}
        })
      );
      this.options.logger.info(`uploaded artifact ${name} (id ${id ?? "?"}, ${size ?? "?"} bytes)`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  async downloadAll(options) {
    const findBy = options.from ? {
      findBy: {
        token: options.from.token,
        workflowRunId: options.from.runId,
        repositoryOwner: options.from.owner,
        repositoryName: options.from.repo
      }
    } : {};
    const { artifacts } = await this.within(
      "the list of artifacts",
      () => this.client.listArtifacts({ latest: true, ...findBy })
    );
    const wanted = artifacts.filter((a) => options.accept(a.name)).sort((a, b) => a.name.localeCompare(b.name));
    if (wanted.length > MAX_BUNDLES) {
      this.options.logger.warning(
        `${wanted.length} result artifacts; reading the first ${MAX_BUNDLES}`
      );
    }
    const dir = await this.scratch();
    try {
      const bundles = [];
      for (const artifact of wanted.slice(0, MAX_BUNDLES)) {
        const path = join(dir, String(artifact.id));
        try {
          await this.within(
            `the download of artifact ${artifact.name}`,
            () => this.client.downloadArtifact(artifact.id, { path, ...findBy })
          );
          bundles.push(await readBundle(path, artifact.name));
        } catch (error) {
          bundles.push({ name: artifact.name, files: [], problem: error.message });
        }
      }
      return bundles;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
};

// src/github/job-summary.ts
import { stat } from "node:fs/promises";
var NOTE = "_… trimmed to fit the 1 MiB job summary limit; the `report-json` output has everything._";
async function writeJobSummary(markdown, logger, options = {}) {
  const path = options.path ?? process.env.GITHUB_STEP_SUMMARY;
  if (!path) {
    return { written: false, trimmed: false, bytes: 0, reason: "GITHUB_STEP_SUMMARY is not set" };
  }
  const used = await stat(path).then(
    (s) => s.size,
    () => 0
  );
  const room = (options.limit ?? JOB_SUMMARY_LIMIT) - used - 1;
  const text = trimMarkdown(markdown, Math.max(room, 0), NOTE);
  const trimmed = text !== markdown;
  if (trimmed)
    logger.warning(`the job summary was over GitHub's 1 MiB limit and was trimmed to fit`);
  try {
    await (options.sink ?? summary).addRaw(text, true).write();
  } catch (error) {
    logger.warning(`could not write the job summary: ${error.message}`);
    return { written: false, trimmed, bytes: 0, reason: error.message };
  }
  return { written: true, trimmed, bytes: utf8Length(text) + 1 };
}

// src/github/outputs.ts
import { mkdir, writeFile as writeFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";
var OutputWriteError = class extends Error {
  name = "OutputWriteError";
};
var OUTPUTS_BUDGET = 512 * 1024;
async function setOutputsSafely(outputs, logger, options) {
  const write2 = options.setOutput ?? setOutput;
  const set = (name, value) => {
    try {
      write2(name, value);
    } catch (error) {
      const file = process.env.GITHUB_OUTPUT ?? "the log";
      throw new OutputWriteError(
        `could not write the output ${name} to GITHUB_OUTPUT (${file}): ${error.message}`,
        { cause: error }
      );
    }
  };
  const budget = options.budget ?? OUTPUTS_BUDGET;
  const result = { set: [], spilled: {}, files: {}, bytes: 0 };
  const size = (o) => 2 * (o.name.length + o.value.length);
  for (const output of outputs.filter((o) => o.spill)) {
    await mkdir(options.dir, { recursive: true });
    const path = join2(options.dir, output.spill.fileName);
    await writeFile2(path, output.value);
    result.files[output.name] = path;
  }
  const fixed = outputs.filter((o) => !o.spill);
  const spillable = outputs.filter((o) => o.spill).sort((a, b) => size(a) - size(b));
  for (const output of [...fixed, ...spillable]) {
    const path = result.files[output.name];
    const extra = path ? [{ name: `${output.name}-file`, value: path }] : [];
    const needed = size(output) + extra.reduce((n, e) => n + 2 * (e.name.length + e.value.length), 0);
    if (path && result.bytes + needed > budget) {
      set(output.name, "");
      set(`${output.name}-file`, path);
      result.spilled[output.name] = path;
      result.bytes += 2 * (output.name.length + `${output.name}-file`.length + path.length);
      logger.warning(
        `output ${output.name} would be ${size(output)} bytes, over the room left for outputs; it is empty, and ${output.name}-file names ${path}`
      );
      continue;
    }
    if (!path && result.bytes + needed > budget) {
      throw new Error(
        `output ${output.name} is ${size(output)} bytes and cannot fit GitHub's output limit`
      );
    }
    set(output.name, output.value);
    for (const e of extra) set(e.name, e.value);
    result.set.push(output.name);
    result.bytes += needed;
  }
  return result;
}

// src/github/comment-lookup.ts
var PAGE_SIZE = 100;
var QUERY = (
  /* GraphQL */
  `
  query BindProbeComments(
    $owner: String!
    $repo: String!
    $number: Int!
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) {
        comments(first: $first, after: $after, last: $last, before: $before) {
          totalCount
          pageInfo {
            hasNextPage
            hasPreviousPage
            startCursor
            endCursor
          }
          nodes {
            id
            fullDatabaseId
            url
            body
            isMinimized
            viewerDidAuthor
          }
        }
      }
    }
  }
`
);
async function readCommentPage(api, target, request) {
  const result = await api.graphql(QUERY, {
    owner: target.repo.owner,
    repo: target.repo.repo,
    number: target.number,
    ...request
  });
  const comments = result.repository?.pullRequest?.comments;
  if (comments && !Array.isArray(comments.nodes)) {
    throw new UnexpectedAnswerError(
      "GitHub's API answered POST /graphql (BindProbeComments) without a list of comments"
    );
  }
  if (!comments) {
    throw Object.assign(new Error(`pull request #${target.number} not found`), {
      errors: [{ type: "NOT_FOUND", message: `pull request #${target.number} not found` }]
    });
  }
  return {
    ...comments.pageInfo,
    totalCount: comments.totalCount,
    nodes: comments.nodes.filter((n) => n !== null)
  };
}
function isOurs(node, marker) {
  return node.viewerDidAuthor && !node.isMinimized && endsWithMarker(node.body, marker);
}
function toExisting(node) {
  const endpoint = "POST /graphql (BindProbeComments)";
  const id = positiveId(node.fullDatabaseId ?? idFromUrl(node.url), endpoint, "fullDatabaseId");
  return {
    nodeId: textField(node.id, endpoint, "id"),
    id,
    url: textField(node.url, endpoint, "url"),
    body: typeof node.body === "string" ? node.body : ""
  };
}
function idFromUrl(url) {
  return /#issuecomment-(\d+)$/.exec(url)?.[1];
}
async function findComment(api, target) {
  const marker = commentMarker(target.key);
  const empty = { target, marker, duplicates: [], tailCursor: null };
  const ours = (nodes) => nodes.filter((n) => isOurs(n, marker)).map(toExisting);
  try {
    const tail = await readCommentPage(api, target, { last: PAGE_SIZE });
    const lookup = { ...empty, tailCursor: tail.endCursor };
    const inTail = ours(tail.nodes);
    if (inTail.length || !tail.hasPreviousPage) return withFound(lookup, inTail);
    const seen = new Set(tail.nodes.map((n) => n.id));
    const head = await readCommentPage(api, target, { first: PAGE_SIZE });
    const headFresh = head.nodes.filter((n) => !seen.has(n.id));
    const inHead = ours(headFresh);
    if (inHead.length || headFresh.length < head.nodes.length || !head.hasNextPage) {
      return withFound(lookup, inHead);
    }
    for (const n of head.nodes) seen.add(n.id);
    let before = tail.startCursor;
    for (; ; ) {
      const page = await readCommentPage(api, target, { last: PAGE_SIZE, before });
      const fresh = page.nodes.filter((n) => !seen.has(n.id));
      const found = ours(fresh);
      for (const n of fresh) seen.add(n.id);
      const readAll = seen.size >= page.totalCount;
      if (found.length || readAll || fresh.length < page.nodes.length || !page.hasPreviousPage) {
        return withFound(lookup, found);
      }
      before = page.startCursor;
    }
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    return { ...empty, refusal };
  }
}
function withFound(lookup, found) {
  const duplicates = [...found];
  const existing = duplicates.pop();
  return existing ? { ...lookup, existing, duplicates } : lookup;
}

// src/github/comment-publish.ts
async function publishComment(api, lookup, options) {
  const previousBody = lookup.existing?.body;
  const base = { removedDuplicates: 0, ...previousBody !== void 0 ? { previousBody } : {} };
  if (options.mode === "off") return { ...base, status: "off" };
  if (options.mode === "failures" && options.passed && !lookup.existing) {
    return { ...base, status: "not-needed" };
  }
  if (lookup.refusal) return refused(lookup.refusal, base);
  const { body, trimmed } = markedBody(options.body, lookup.target.key);
  if (trimmed) {
    options.logger.warning(
      `the comment body was over GitHub's 65,536-character limit and was cut to fit`
    );
  }
  const writer = new Writer(api, lookup, options.logger);
  try {
    const result = await write(writer, lookup, body, options);
    return {
      ...base,
      ...result,
      removedDuplicates: writer.removed,
      ...trimmed ? { trimmed } : {}
    };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    return { ...refused(refusal, base), removedDuplicates: writer.removed };
  }
}
async function write(writer, lookup, body, options) {
  await writer.removeAll(lookup.duplicates);
  const existing = lookup.existing;
  if (!existing) return writer.create(body, lookup.tailCursor, "created");
  const kept = { id: existing.id, nodeId: existing.nodeId, url: existing.url };
  if (sameBody(existing.body, body)) {
    return { status: "unchanged", unchangedBecause: "same-body", comment: kept };
  }
  if (options.mode === "changes" && options.resultsChanged === false) {
    return { status: "unchanged", unchangedBecause: "same-results", comment: kept };
  }
  switch (options.strategy ?? "update") {
    case "update":
      return writer.update(existing, body);
    case "recreate":
      await writer.remove(existing);
      return writer.create(body, lookup.tailCursor, "recreated");
    case "hide-previous":
      await writer.minimize(existing);
      return writer.create(body, lookup.tailCursor, "recreated");
  }
}
var Writer = class {
  removed = 0;
  api;
  lookup;
  logger;
  constructor(api, lookup, logger) {
    this.api = api;
    this.lookup = lookup;
    this.logger = logger;
  }
  get where() {
    return { owner: this.lookup.target.repo.owner, repo: this.lookup.target.repo.repo };
  }
  async update(existing, body) {
    try {
      const { data } = await this.api.rest.issues.updateComment({
        ...this.where,
        comment_id: existing.id,
        body
      });
      return {
        status: "updated",
        comment: commentOf(data, "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}")
      };
    } catch (error) {
      if (refusalOf(error)?.kind !== "not-found") throw error;
    }
    this.logger.info(`comment ${existing.id} vanished while updating it; looking it up again`);
    const again = await findComment(this.api, this.lookup.target);
    if (again.refusal) throw new RefusedError(again.refusal);
    await this.removeAll(again.duplicates);
    if (again.existing && again.existing.id !== existing.id) {
      if (sameBody(again.existing.body, body)) {
        const e = again.existing;
        return {
          status: "unchanged",
          unchangedBecause: "same-body",
          comment: { id: e.id, nodeId: e.nodeId, url: e.url }
        };
      }
      return this.update(again.existing, body);
    }
    return this.create(body, again.tailCursor, "created");
  }
  async create(body, since, status) {
    const { data } = await this.api.rest.issues.createComment({
      ...this.where,
      issue_number: this.lookup.target.number,
      body
    });
    const mine = {
      ...commentOf(data, "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"),
      body
    };
    const keeper = await this.settle(mine, since);
    const comment = { id: keeper.id, nodeId: keeper.nodeId, url: keeper.url };
    if (keeper.nodeId !== mine.nodeId) {
      this.logger.info(
        `another report created the same comment at the same time; kept the newer one (${keeper.url})`
      );
      return { status, comment, yielded: true };
    }
    return { status, comment };
  }
  /** Reads everything posted since `since`, keeps the newest live one of ours, removes the rest. */
  async settle(mine, since) {
    const ours = [];
    let after = since;
    for (; ; ) {
      const page = await readCommentPage(this.api, this.lookup.target, { first: PAGE_SIZE, after });
      ours.push(...page.nodes.filter((n) => isOurs(n, this.lookup.marker)).map(toExisting));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    if (!ours.some((c) => c.nodeId === mine.nodeId)) {
      ours.push(mine);
      ours.sort((a, b) => a.id - b.id);
    }
    const keeper = ours.pop();
    await this.removeAll(ours);
    return keeper;
  }
  async removeAll(comments) {
    for (const comment of comments) await this.remove(comment);
    if (comments.length) {
      this.logger.info(`removed ${comments.length} duplicate bind-probe comment(s)`);
    }
  }
  async remove(comment) {
    try {
      await this.api.rest.issues.deleteComment({ ...this.where, comment_id: comment.id });
      this.removed += 1;
    } catch (error) {
      if (refusalOf(error)?.kind !== "not-found") throw error;
    }
  }
  async minimize(comment) {
    await this.api.graphql(
      /* GraphQL */
      `
        mutation BindProbeHide($id: ID!) {
          minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) {
            minimizedComment {
              isMinimized
            }
          }
        }
      `,
      { id: comment.nodeId }
    );
  }
};
function commentOf(data, endpoint) {
  const d = typeof data === "object" && data !== null ? data : {};
  return {
    id: positiveId(d.id, endpoint),
    nodeId: textField(d.node_id, endpoint, "node_id"),
    url: textField(d.html_url, endpoint, "html_url")
  };
}
function refused(refusal, base) {
  return { ...base, status: statusOf(refusal), refusal };
}

// src/github/check-run.ts
var TRIM_NOTE = "_… trimmed to fit the Checks API's size limit; the job summary has the full report._";
var FIELD_LIMIT = 64 * 1024;
function checkRunName(key) {
  assertCommentKey(key);
  return key === "default" ? "bind-probe" : `bind-probe (${key})`;
}
async function publishCheckRun(api, options) {
  const trimmed = [];
  const summary2 = fit(options.summary, "summary", trimmed);
  const text = options.text === void 0 ? void 0 : fit(options.text, "text", trimmed);
  const title = truncateBytes(options.title, 255);
  const limit = options.maxAnnotations ?? 1e3;
  const all = (options.annotations ?? []).map(cleanAnnotation);
  const annotations = all.slice(0, limit);
  if (all.length > annotations.length) {
    options.logger.warning(
      `${all.length} annotations for the check run; sending the first ${annotations.length}`
    );
  }
  const batches = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  const output = (batch) => ({
    title,
    summary: summary2,
    ...text !== void 0 ? { text } : {},
    ...batch?.length ? { annotations: batch } : {}
  });
  const where2 = { owner: options.repo.owner, repo: options.repo.repo };
  let sent = 0;
  let checkRun;
  const status = options.existingId === void 0 ? "created" : "updated";
  try {
    const first = batches[0];
    const common = {
      ...where2,
      name: options.name,
      status: "completed",
      conclusion: options.conclusion,
      completed_at: (/* @__PURE__ */ new Date()).toISOString(),
      ...options.detailsUrl ? { details_url: options.detailsUrl } : {},
      ...options.externalId ? { external_id: options.externalId } : {},
      output: output(first)
    };
    const { data } = options.existingId === void 0 ? await api.rest.checks.create({ ...common, head_sha: options.headSha }) : await api.rest.checks.update({ ...common, check_run_id: options.existingId });
    const endpoint = options.existingId === void 0 ? "POST /repos/{owner}/{repo}/check-runs" : "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}";
    checkRun = {
      id: positiveId(data.id, endpoint),
      url: textField(data.html_url, endpoint, "html_url")
    };
    sent += first?.length ?? 0;
    for (const batch of batches.slice(1)) {
      await api.rest.checks.update({ ...where2, check_run_id: checkRun.id, output: output(batch) });
      sent += batch.length;
    }
    return { status, checkRun, annotationsSent: sent, trimmed };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    return {
      status: statusOf(refusal),
      ...checkRun ? { checkRun } : {},
      annotationsSent: sent,
      trimmed,
      refusal
    };
  }
}
function fit(value, field, trimmed) {
  const cut = trimMarkdown(value, CHECK_TEXT_LIMIT, TRIM_NOTE);
  if (cut !== value) trimmed.push(field);
  return cut;
}
function cleanAnnotation(a) {
  const endLine = Math.max(a.start_line, a.end_line);
  const sameLine = a.start_line === endLine;
  return {
    path: a.path.replace(/\\/g, "/").replace(/^\.?\/+/, ""),
    start_line: a.start_line,
    end_line: endLine,
    ...sameLine && a.start_column !== void 0 ? { start_column: a.start_column } : {},
    ...sameLine && a.end_column !== void 0 ? { end_column: a.end_column } : {},
    annotation_level: a.annotation_level,
    message: truncateBytes(a.message, FIELD_LIMIT),
    ...a.title !== void 0 ? { title: truncateBytes(a.title, 255) } : {},
    ...a.raw_details !== void 0 ? { raw_details: truncateBytes(a.raw_details, FIELD_LIMIT) } : {}
  };
}

// src/github/degrade.ts
function reportRefusals(outcomes, context, policy, logger) {
  const byKind = (kind) => outcomes.filter((o) => o.refusal?.kind === kind);
  const messages = [];
  const denied = byKind("denied");
  if (denied.length) {
    const what = list(denied.map((o) => o.surface));
    const said = denied[0].refusal.message;
    const why = context.readOnlyReason === "fork" ? "This pull request comes from a fork, and GitHub gives such runs a read-only token." : context.readOnlyReason === "dependabot" ? "This is a Dependabot pull request, and GitHub gives Dependabot's runs a read-only token." : "The token lacks a permission: the job needs `pull-requests: write` for the comment and `checks: write` for the check run.";
    const fix = context.readOnlyReason && context.kind === "pull_request" ? ` To report on such pull requests, run the report from a \`workflow_run\` workflow (the two-workflow recipe in bind-probe's docs/github.md, "Pull requests from forks and Dependabot").` : "";
    messages.push(
      `bind-probe could not write ${what}: GitHub said "${said}". ${why} The report is in the job summary.${fix}`
    );
  }
  const gone = byKind("not-found");
  if (gone.length) {
    messages.push(
      `bind-probe could not write ${list(gone.map((o) => o.surface))}: GitHub said "${gone[0].refusal.message}" (the pull request or commit is gone, or the token cannot see it). The report is in the job summary.`
    );
  }
  const invalid = byKind("invalid");
  if (invalid.length) {
    messages.push(
      `GitHub rejected ${list(invalid.map((o) => o.surface))}: "${invalid[0].refusal.message}". The report is in the job summary.`
    );
  }
  const down = byKind("unavailable");
  if (down.length) {
    const retried = down[0].refusal.status !== void 0 ? " after retries" : "";
    messages.push(
      `GitHub did not accept ${list(down.map((o) => o.surface))}${retried}: "${down[0].refusal.message}". The report is in the job summary; re-run the job to publish it.`
    );
  }
  const fail = messages.length > 0 && policy === "error";
  for (const message2 of messages) (fail ? logger.error : logger.warning)(message2);
  return { denied: denied.length > 0, fail, messages };
}
function list(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// src/github/run-jobs.ts
async function listRunJobs(api, repo, runId, attempt) {
  try {
    const jobs = await api.paginate(api.rest.actions.listJobsForWorkflowRunAttempt, {
      owner: repo.owner,
      repo: repo.repo,
      run_id: runId,
      attempt_number: attempt,
      per_page: 100
    });
    const endpoint = "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs";
    return jobs.map((job) => ({
      id: job.id,
      name: textField(job.name, endpoint, "jobs[].name"),
      status: textField(job.conclusion ?? job.status, endpoint, "jobs[].status")
    }));
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal && refusal.kind !== "unavailable") return void 0;
    throw error;
  }
}
var RUNNER_LOST = /lost communication with the server|runner has received a shutdown signal|hosted runner encountered an error|hosted runner lost communication/i;
async function runnerWasLost(api, repo, jobId) {
  try {
    const annotations = await api.paginate(api.rest.checks.listAnnotations, {
      owner: repo.owner,
      repo: repo.repo,
      check_run_id: jobId,
      per_page: 50
    });
    return annotations.some((a) => typeof a.message === "string" && RUNNER_LOST.test(a.message));
  } catch (error) {
    if (refusalOf(error)) return false;
    throw error;
  }
}

// src/github/check-digest.ts
var RECENT_COMMITS = 5;
async function previousCheckDigest(api, repo, pullNumber, checkName2) {
  const commits = await api.paginate(api.rest.pulls.listCommits, {
    owner: repo.owner,
    repo: repo.repo,
    pull_number: pullNumber,
    per_page: 100
  });
  const recent = commits.map((c) => c.sha).filter((sha) => typeof sha === "string").slice(-RECENT_COMMITS).reverse();
  for (const sha of recent) {
    const { data } = await api.rest.checks.listForRef({
      owner: repo.owner,
      repo: repo.repo,
      ref: sha,
      check_name: checkName2,
      per_page: 10
    });
    for (const run2 of data.check_runs ?? []) {
      const text = run2.output?.text;
      if (typeof text === "string" && text.includes("<!-- bind-probe:digest ")) return text;
    }
  }
  return void 0;
}

// src/github/leg-statuses.ts
async function legStatuses(api, context, legJobs) {
  const run2 = context.triggeringRun ?? { id: context.runId, attempt: context.runAttempt };
  const jobs = await listRunJobs(api, context.repo, run2.id, run2.attempt);
  return jobs ? legStatusesOf(api, context, jobs, legJobs) : [];
}
async function legStatusesOf(api, context, jobs, legJobs) {
  const known = /* @__PURE__ */ new Set(["success", "failure", "cancelled", "skipped", "timed_out"]);
  const finished = jobs.filter(
    (job) => known.has(job.status) && (context.triggeringRun || job.name !== context.job)
  );
  const ofLegs = (id, name) => name === id || name.startsWith(`${id} (`);
  const matched = legJobs ? finished.filter((job) => legJobs.some((id) => ofLegs(id, job.name))) : [];
  const legs = matched.length ? matched : finished;
  const asked = new Set(
    legs.filter((job) => job.status === "failure").slice(0, MAX_LOST_RUNNER_LOOKUPS)
  );
  return Promise.all(
    legs.map(async (job) => ({
      name: job.name,
      status: asked.has(job) && await runnerWasLost(api, context.repo, job.id) ? "runner_lost" : job.status
    }))
  );
}
var MAX_LOST_RUNNER_LOOKUPS = 10;

// src/scan/annotations.ts
var LEVEL = {
  error: "failure",
  warning: "warning",
  note: "notice"
};
var MAX_MESSAGE = 64 * 1024 - 1;
var MAX_TITLE = 255;
function toAnnotation(f) {
  const endLine = Math.max(f.line, f.endLine ?? f.line);
  const oneLine = endLine === f.line;
  const name = RULES.find((r) => r.id === f.rule)?.name;
  const title = (name ? `${f.rule} ${name}` : f.rule).slice(0, MAX_TITLE);
  return {
    path: f.path,
    start_line: f.line,
    end_line: endLine,
    ...oneLine ? { start_column: f.column, end_column: Math.max(f.column, f.endColumn ?? f.column) } : {},
    annotation_level: LEVEL[f.severity],
    title,
    message: `${f.message}

Fix: ${f.advice}`.slice(0, MAX_MESSAGE)
  };
}

// src/action/workspace-path.ts
import { lstat, readlink, realpath } from "node:fs/promises";
import {
  basename,
  dirname,
  isAbsolute,
  join as join3,
  posix,
  relative,
  resolve,
  sep,
  win32
} from "node:path";
var PathError = class extends Error {
  name = "PathError";
  /** The message without the path: `is outside the workspace`. */
  reason;
  constructor(path, reason) {
    super(`${path} ${reason}`);
    this.reason = reason;
  }
};
function outsideRepository(path) {
  return new PathError(path, "is outside the workspace");
}
function repositoryPath(path, workspace) {
  let rel = path;
  if (isAbsolute(path) || win32.isAbsolute(path)) {
    if (workspace === void 0) return void 0;
    rel = relative(resolve(workspace), resolve(path));
    if (isAbsolute(rel)) return void 0;
  }
  const normal = posix.normalize(rel.replaceAll(win32.sep, posix.sep));
  if (normal === ".." || normal.startsWith("../") || normal === "." || normal === "") {
    return void 0;
  }
  return normal.replace(/\/$/, "");
}
async function resolveInside(path, base, roots) {
  const wanted = resolve(base, path);
  const real = await realpathOfExisting(wanted);
  for (const root of roots) {
    const top = await realpathOfExisting(resolve(root.dir));
    if (within(top, real)) return real;
  }
  const named = roots.map((r) => r.name).join(" and ");
  const lexically = roots.some((r) => within(resolve(r.dir), wanted));
  throw new PathError(
    path,
    lexically ? `is a symbolic link (or lies under one) that leads outside the ${named}` : `is outside the ${named}`
  );
}
function within(dir, path) {
  const rel = relative(dir, path);
  return rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
async function realpathOfExisting(path, links = 0) {
  try {
    return await realpath(path);
  } catch (error) {
    const code = error.code;
    const parent = dirname(path);
    if (code !== "ENOENT" && code !== "ENOTDIR" || parent === path) throw error;
    const stat2 = await lstat(path).catch(() => void 0);
    if (stat2?.isSymbolicLink() && links < 40) {
      return realpathOfExisting(resolve(parent, await readlink(path)), links + 1);
    }
    return join3(await realpathOfExisting(parent, links), basename(path));
  }
}

// src/action/policy-source.ts
import { readFile } from "node:fs/promises";

// src/action/changed-lines.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
async function tryGit(workspace, base, logger) {
  try {
    return await gitChangedLines(workspace, base);
  } catch (error) {
    if (!(error instanceof GitDiffError)) throw error;
    if (/not installed|dubious ownership/.test(error.message)) logger.warning(error.message);
    else logger.debug(`git diff against ${base}: ${error.message}`);
    return void 0;
  }
}
async function gitOut(cwd, args, { trim = true, signal } = {}) {
  try {
    const { stdout } = await run("git", args, {
      cwd,
      encoding: "utf8",
      timeout: 6e4,
      ...signal ? { signal } : {},
      maxBuffer: 64 * 1024 * 1024
    });
    return trim ? stdout.trim() : stdout;
  } catch {
    return void 0;
  }
}
async function gitFetch(cwd, args, network) {
  const command = ["fetch", ...args];
  if (!network) return gitOut(cwd, command);
  try {
    return await network.within(
      `git fetch of ${args.at(-1)}`,
      (signal) => gitOut(cwd, command, { signal })
    );
  } catch {
    return void 0;
  }
}
async function changedLines(workspace, context, api, logger, network) {
  const pr = context.pullRequest;
  if (!pr) {
    return {
      notes: [
        `a ${context.eventName} event has no pull request, so no lines are new; use scan: all`
      ],
      how: "none"
    };
  }
  const notes = [];
  for (const base of [pr.baseSha, `origin/${pr.baseRef}`].filter(Boolean)) {
    const found = await tryGit(workspace, base, logger);
    if (found) return { ...found, notes, how: "git" };
  }
  if (await gitOut(workspace, ["rev-parse", "HEAD"]) === context.sha) {
    await gitFetch(workspace, ["--no-tags", "--quiet", "--depth=2", "origin", context.sha], network);
    const found = await tryGit(workspace, `${context.sha}^1`, logger);
    if (found) return { ...found, notes, how: "git" };
  }
  if (!api) {
    return {
      notes: ["the checkout lacks the base commit and there is no token for the files API"],
      how: "none"
    };
  }
  let files;
  try {
    files = await api.paginate(api.rest.pulls.listFiles, {
      owner: context.repo.owner,
      repo: context.repo.repo,
      pull_number: pr.number,
      per_page: 100
    });
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    return {
      notes: [
        `the pull request's files could not be read (${refusal.message}): nothing was scanned`
      ],
      how: "none"
    };
  }
  const fromApi = changesFromPrFiles(files);
  return { changes: fromApi.changes, notes: [...notes, ...fromApi.notes], how: "files-api" };
}
async function checkedOut(cwd, head, network) {
  const checkout = await gitOut(cwd, ["rev-parse", "HEAD"]);
  if (!checkout || checkout === head) return checkout;
  if (await gitOut(cwd, ["cat-file", "-e", `${head}^{commit}`]) === void 0) {
    await gitFetch(cwd, ["--no-tags", "--quiet", "--depth=1", "origin", head], network);
  }
  return checkout;
}

// src/action/policy-source.ts
async function readPolicy(request) {
  const { context, api } = request;
  let read;
  let from;
  if (context && api) {
    const trusted = trustedRef(context);
    read = (path) => fromRef(api, context, path, trusted.ref);
    from = `${request.path} at ${trusted.what}`;
  } else if (context && (context.pullRequest || context.kind === "merge_group")) {
    const trusted = trustedRef(context);
    read = (path) => fromGit(request.workspace, trusted.ref, path, request.network);
    from = `${request.path} at ${trusted.what} (from git: no github-token)`;
  } else {
    read = (path) => fromCheckout(request.workspace, path);
    from = request.path;
  }
  read = confined(read);
  let loaded = await load(read, request.path, from, request.required ?? false);
  const pr = context?.pullRequest;
  if (!loaded.problem && pr && api && loaded.config.readPolicyFrom === "pull-request") {
    read = confined((path) => fromRef(api, context, path, pr.headSha));
    from = `${request.path} at the pull request's head (the base branch's policy allows it)`;
    loaded = await load(read, request.path, from, request.required ?? false);
  }
  const warnings = [];
  const template = async (path) => {
    if (!path) return void 0;
    try {
      const source = await read(path);
      if (source !== void 0) return { name: path, source };
      warnings.push(`template ${path} was not found; the built-in one is used`);
    } catch (error) {
      warnings.push(
        error instanceof PathError ? `template ${path} ${error.reason}; the built-in one is used` : `template ${path} could not be read (${message(error)}); the built-in one is used`
      );
    }
    return void 0;
  };
  const wanted = request.templates ?? true;
  const commentTemplate = wanted ? await template(request.commentTemplatePath ?? loaded.config.comment.template) : void 0;
  const summaryTemplate = wanted ? await template(loaded.config.summary.template) : void 0;
  return {
    ...loaded,
    from,
    ...commentTemplate ? { commentTemplate } : {},
    ...summaryTemplate ? { summaryTemplate } : {},
    warnings
  };
}
function confined(read) {
  return (path) => {
    const inside = repositoryPath(path);
    return inside === void 0 ? Promise.reject(outsideRepository(path)) : read(inside);
  };
}
function trustedRef(context) {
  const pr = context.pullRequest;
  if (pr) return { ref: pr.baseSha ?? pr.baseRef, what: `the base branch (${pr.baseRef})` };
  if (context.kind === "merge_group" && context.baseSha) {
    return { ref: context.baseSha, what: `the merge queue's base (${context.baseSha.slice(0, 7)})` };
  }
  return { ref: context.sha, what: `${context.sha.slice(0, 7)}` };
}
async function load(read, path, from, required2) {
  let text;
  try {
    text = await read(path);
  } catch (error) {
    return {
      config: { ...DEFAULT_CONFIG },
      problem: `${from} could not be read: ${message(error)}`
    };
  }
  if (text === void 0) {
    return required2 ? {
      config: { ...DEFAULT_CONFIG },
      problem: `${from} was not found (the config input names it)`
    } : { config: { ...DEFAULT_CONFIG } };
  }
  try {
    return { config: loadConfig(text, from) };
  } catch (error) {
    return { config: { ...DEFAULT_CONFIG }, problem: message(error) };
  }
}
async function fromCheckout(workspace, path) {
  try {
    const real = await resolveInside(path, workspace, [{ dir: workspace, name: "workspace" }]);
    return await readFile(real, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
}
async function fromRef(api, context, path, ref) {
  try {
    const { data } = await api.rest.repos.getContent({
      owner: context.repo.owner,
      repo: context.repo.repo,
      path,
      ref,
      mediaType: { format: "raw" }
    });
    return data;
  } catch (error) {
    if (refusalOf(error)?.kind === "not-found") return void 0;
    throw error;
  }
}
function message(error) {
  if (error instanceof PathError) return `it ${error.reason}`;
  return refusalOf(error)?.message ?? (error instanceof Error ? error.message : String(error));
}
async function fromGit(workspace, ref, path, network) {
  const commit = `${ref}^{commit}`;
  if (await gitOut(workspace, ["cat-file", "-e", commit]) === void 0) {
    await gitFetch(workspace, ["--no-tags", "--quiet", "--depth=1", "origin", ref], network);
    if (await gitOut(workspace, ["cat-file", "-e", commit]) === void 0) {
      const late = network?.expired ? " (bind-probe's network deadline had passed)" : "";
      throw new Error(`git cannot find commit ${ref} in the checkout, nor fetch it${late}`);
    }
  }
  if (await gitOut(workspace, ["cat-file", "-e", `${ref}:${path}`]) === void 0)
    return void 0;
  const text = await gitOut(workspace, ["show", `${ref}:${path}`], { trim: false });
  if (text === void 0) throw new Error(`git could not show ${path} at ${ref}`);
  return text;
}

// src/github/publish-report.ts
async function publishReport(options) {
  const { settings, context, api, logger } = options;
  const { config } = options.policy;
  const key = settings.commentKey ?? config.comment.key;
  const policy = {
    ...config,
    platforms: settings.expectedPlatforms?.map((id) => ({ id })) ?? config.platforms
  };
  const pr = context?.pullRequest;
  const github = (what, call) => guarded(what, call, logger);
  const unread = [];
  const read = async (what, missing, call) => {
    try {
      return await call();
    } catch (error) {
      unread.push(`${missing} (${describeError(error)}).`);
      logger.warning(
        `bind-probe could not ${what}: ${describeError(error)}. The report is in the job summary.`
      );
      return void 0;
    }
  };
  const commentMode = settings.commentMode ?? config.comment.mode;
  const lookup = pr && api && context && commentMode !== "off" ? await github(
    "look up the pull request comment",
    () => findComment(api, { repo: context.repo, number: pr.number, key })
  ) : void 0;
  if (lookup?.refusal?.kind === "unavailable") {
    unread.push(
      `The pull request's comments could not be read (${lookup.refusal.message}), so the changes since the previous report are not shown.`
    );
  }
  const legStatuses2 = options.legStatuses;
  const legs = legStatuses2 && await read(
    "list the run’s jobs",
    "The run’s jobs could not be read, so legs that did not finish are not named",
    legStatuses2
  ) || [];
  const previousCheck = pr && api && context && !lookup?.existing && (commentMode === "off" || commentMode === "failures") ? await read(
    "read the previous check run",
    "The previous check run could not be read, so the changes since it are not shown",
    () => previousCheckDigest(api, context.repo, pr.number, checkName(settings, key))
  ) : void 0;
  const previousComment = lookup?.existing?.body ?? previousCheck;
  const scans = readLegScans(options.legs);
  for (const p of scans.problems) logger.warning(`${p.artifact}: ${p.message}`);
  const report = buildReport({
    artifacts: options.legs.map((leg) => ({ name: leg.source, content: leg.result })),
    artifactProblems: [...options.artifactProblems, ...scans.problems],
    policy: { ...config, platforms: policy.platforms },
    legs,
    ...previousComment !== void 0 ? { previousComment } : {},
    findings: scans.findings,
    notes: [...options.legNotes ?? [], ...scans.notes, ...unread],
    ...options.history ? { history: options.history } : {},
    ...context ? { context: reportContext(context) } : {}
  });
  const problems = options.policy.problem ? [options.policy.problem] : [];
  const verdict = evaluatePolicy(report, policy, problems);
  const { commentTemplate, summaryTemplate } = options.policy;
  const body = withFallback(
    (template) => renderComment(report, { verdict, key, ...template ? { template } : {} }),
    commentTemplate,
    logger
  );
  let summarySource = summaryTemplate;
  const summary2 = (limit) => withFallback(
    (template) => renderSummary(report, {
      verdict,
      ...template ? { template } : {},
      ...limit ? { limit } : {}
    }),
    summarySource,
    logger,
    () => summarySource = void 0
  );
  const failures = [...problems];
  if (verdict.conclusion === "failure" && verdict.reasons.some((r) => r.fails && r.rule !== "policy")) {
    failures.push(`bind-probe: ${verdict.summary}`);
  }
  if (!settings.failJob && failures.length) {
    logger.info(`bind-probe: ${verdict.summary} (fail-job: false, so the step does not fail)`);
    failures.length = 0;
  }
  if (settings.jobSummary) await writeJobSummary(summary2(), logger);
  if (options.dryRun || !api || !context) {
    options.print(`--- the comment bind-probe would write (${body.length} characters) ---
${body}`);
    options.print(
      `--- the check run "${checkName(settings, key)}": ${verdict.conclusion} — ${verdict.summary}`
    );
    return { report, verdict, failures };
  }
  const surfaces = [];
  let comment;
  if (lookup) {
    comment = await github(
      "write the pull request comment",
      () => publishComment(api, lookup, {
        body,
        mode: commentMode,
        strategy: settings.strategy,
        resultsChanged: report.changes.status !== "compared" || report.changes.any || verdictChanged(lookup.existing?.body, verdict),
        passed: verdict.conclusion === "success",
        logger
      })
    );
    surfaces.push({
      surface: "the pull request comment",
      ...comment?.refusal ? { refusal: comment.refusal } : {}
    });
  }
  const checkRun = await github(
    "write the check run",
    () => publishCheckRun(api, {
      repo: context.repo,
      headSha: pr?.headSha ?? context.headSha,
      name: checkName(settings, key),
      // The same first line as the comment: pass or fail and the one reason.
      title: verdict.title,
      summary: summary2(CHECK_SUMMARY_LIMIT),
      // Hidden lines: the digest the next run compares with when there is no comment to read.
      text: commentTrailer(report, { verdict, key }),
      conclusion: verdict.conclusion,
      annotations: settings.annotations ? annotationsOf(report) : [],
      detailsUrl: context.runUrl,
      ...options.existingCheckRunId ? { existingId: options.existingCheckRunId } : {},
      logger
    })
  );
  surfaces.push({
    surface: "the check run",
    ...checkRun?.refusal ? { refusal: checkRun.refusal } : {}
  });
  const refusals = reportRefusals(
    surfaces,
    context,
    config.failOn.refusedWrite ? "error" : "warn",
    logger
  );
  if (refusals.fail) failures.push(...refusals.messages);
  return {
    report,
    verdict,
    ...comment ? { comment } : {},
    ...checkRun ? { checkRun } : {},
    failures
  };
}
async function guarded(what, call, logger) {
  try {
    return await call();
  } catch (error) {
    logger.warning(
      `bind-probe could not ${what}: ${error instanceof Error ? error.message : String(error)}. The report is in the job summary.`
    );
    return void 0;
  }
}
function annotationsOf(report) {
  return report.findings.files.flatMap(
    (group) => group.findings.map((f) => toAnnotation({ ...f, path: group.path }))
  );
}
function checkName(settings, key) {
  return settings.checkName ?? checkRunName(key);
}
function withFallback(render, template, logger, onBroken = () => {
}) {
  if (!template) return render();
  try {
    return render(template);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    logger.warning(`${error.message}; the built-in template was used instead`);
    onBroken();
    return render();
  }
}
function reportContext(context) {
  const pr = context.pullRequest;
  return {
    repository: `${context.repo.owner}/${context.repo.repo}`,
    serverUrl: context.serverUrl,
    headSha: pr?.headSha ?? context.headSha,
    event: context.eventName,
    runUrl: context.runUrl,
    ...pr ? {
      pullRequest: pr.number,
      baseRef: pr.baseRef,
      ...pr.headRef ? { headRef: pr.headRef } : {}
    } : {}
  };
}
function verdictChanged(previousBody, verdict) {
  if (previousBody === void 0) return true;
  const previous = readDigest(previousBody);
  return !("digest" in previous) || previous.digest.verdict !== verdictKey(verdict);
}

export {
  readNetworkSettings,
  NetworkBudget,
  createOctokit,
  ContextError,
  resolveContext,
  kindOf,
  refusalOf,
  describeError,
  resolvePullRequest,
  checkRunName,
  defaultArtifactClient,
  ArtifactTransport,
  writeJobSummary,
  setOutputsSafely,
  listRunJobs,
  legStatuses,
  legStatusesOf,
  PathError,
  repositoryPath,
  resolveInside,
  gitOut,
  changedLines,
  checkedOut,
  readPolicy,
  publishReport
};
/*! For license information please see chunk-NMFJ2M5O.js.LEGAL.txt */
