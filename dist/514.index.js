export const id = 514;
export const ids = [514];
export const modules = {

/***/ 5514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ConfigFileError: () => (/* binding */ ConfigFileError),
  lintChanges: () => (/* binding */ lintChanges)
});

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/config/config.ts + 2 modules
var config_config = __webpack_require__(8258);
// EXTERNAL MODULE: ./src/core/not-checked.ts
var not_checked = __webpack_require__(1370);
// EXTERNAL MODULE: ./src/io/source.ts
var source = __webpack_require__(7011);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
// EXTERNAL MODULE: ./src/dockerfile/model.ts
var model = __webpack_require__(4011);
// EXTERNAL MODULE: ./src/parse/compose.ts
var compose = __webpack_require__(6791);
// EXTERNAL MODULE: ./src/compose/file.ts
var file = __webpack_require__(7944);
;// CONCATENATED MODULE: ./src/lint/suppress-dockerfile.ts
const PRAGMA = /^(hadolint|docker-review)\s+(?:(global|stage)\s+)?ignore\s*=\s*([^#]*?)\s*(?:#.*)?$/i;
function dockerfilePragmas(doc, names) {
    const resolve = (n) => names.resolve(n);
    const pragmas = [];
    const lastLine = doc.lines.lineCount;
    // dockerfile-ast reads a pragma on the first lines (`# hadolint global ignore=…`) as a parser
    // directive, so look at both.
    const lines = [
        ...doc.comments.map((c) => ({ line: c.range.start.line, content: c.content })),
        ...doc.directives.map((d) => ({
            line: d.range.start.line,
            content: doc.lines.lineText(d.range.start.line).replace(/^\s*#\s*/, '')
        }))
    ];
    for (const comment of lines) {
        const m = PRAGMA.exec(comment.content);
        if (!m)
            continue;
        const tool = m[1].toLowerCase();
        const list = m[3]
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
        if (list.length === 0)
            continue;
        if (tool === 'hadolint' && !list.every((n) => /^[DLSC0-9]+$/.test(n)))
            continue;
        const rules = new Set(list.map((n) => resolve(n) ?? n.toUpperCase()));
        const line = comment.line;
        const scope = m[2]?.toLowerCase() ?? 'next';
        if (scope === 'global') {
            pragmas.push({ scope, rules, fromLine: 1, toLine: lastLine });
        }
        else if (scope === 'stage') {
            const nextFrom = doc.stages.find((s) => s.from.range.start.line > line);
            const after = nextFrom
                ? doc.stages.find((s) => s.from.range.start.line > nextFrom.from.range.start.line)
                : undefined;
            pragmas.push({
                scope,
                rules,
                fromLine: line,
                toLine: after ? after.from.range.start.line - 1 : lastLine
            });
        }
        else {
            const next = doc.instructions.find((i) => i.range.start.line > line);
            if (!next)
                continue;
            // Only comments and blank lines may stand between the pragma and the instruction.
            const between = doc.instructions.some((i) => i.range.start.line > line && i.range.start.line < next.range.start.line);
            if (between)
                continue;
            pragmas.push({ scope, rules, fromLine: next.range.start.line, toLine: next.range.end.line });
        }
    }
    for (const d of doc.directives) {
        if (d.name !== 'check')
            continue;
        const skip = /(?:^|;)\s*skip\s*=\s*([^;]*)/i.exec(d.value);
        if (!skip)
            continue;
        const list = skip[1]
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
        const rules = new Set(list.flatMap((n) => (n.toLowerCase() === 'all' ? [...names.buildkit] : [resolve(n) ?? n])));
        pragmas.push({ scope: 'global', rules, fromLine: 1, toLine: lastLine });
    }
    return pragmas;
}
function isSuppressed(finding, pragmas) {
    const line = finding.range.start.line;
    return pragmas.some((p) => line >= p.fromLine && line <= p.toLine && p.rules.has(finding.rule));
}

;// CONCATENATED MODULE: ./src/lint/suppress-compose.ts
const COMMENT = /(^|\s)#\s*(dclint|docker-review)\s+(disable-next-line|disable-line|disable-file|disable)(?=\s|$)(.*)$/i;
function composeDisables(text, resolve) {
    const out = [];
    const lines = text.split('\n');
    const total = lines.length;
    const firstContent = lines.findIndex((l) => l.trim() !== '');
    lines.forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        const m = COMMENT.exec(line);
        if (!m)
            return;
        const kind = m[3].toLowerCase();
        const names = m[4]
            .replace(/\s+--.*$/, '')
            .split(/[\s,]+/)
            .map((s) => s.trim())
            .filter(Boolean);
        const rules = new Set(names.map((n) => resolve(n) ?? n));
        const standalone = line.slice(0, m.index + m[1].length).trim() === '';
        const lineNo = i + 1;
        if (kind === 'disable-file')
            out.push({ rules: new Set(), fromLine: 1, toLine: total });
        else if (kind === 'disable') {
            if (i === firstContent)
                out.push({ rules, fromLine: 1, toLine: total });
        }
        else if (kind === 'disable-next-line' || standalone) {
            const target = nextContentLine(lines, i);
            if (target)
                out.push({ rules, fromLine: target, toLine: target });
        }
        else
            out.push({ rules, fromLine: lineNo, toLine: lineNo });
    });
    return out;
}
function nextContentLine(lines, index) {
    for (let j = index + 1; j < lines.length; j++) {
        const t = lines[j].trim();
        if (t !== '' && !t.startsWith('#'))
            return j + 1;
    }
    return undefined;
}
function isDisabled(finding, disables) {
    const line = finding.range.start.line;
    return disables.some((d) => line >= d.fromLine && line <= d.toLine && (d.rules.size === 0 || d.rules.has(finding.rule)));
}

// EXTERNAL MODULE: ./src/dockerfile/effects.ts
var effects = __webpack_require__(5924);
// EXTERNAL MODULE: ./src/core/fixes.ts
var fixes = __webpack_require__(3124);
// EXTERNAL MODULE: ./src/compose/interpolation.ts
var interpolation = __webpack_require__(6401);
// EXTERNAL MODULE: ./src/compose/project.ts
var compose_project = __webpack_require__(2909);
;// CONCATENATED MODULE: ./src/compose/effects.ts




/**
 * Service keys whose list is a set to Compose (start order comes from the dependency graph, port
 * and label order mean nothing); `env_file`, `command` or `entrypoint` order does matter.
 */
const SETS = new Set([
    'depends_on',
    'ports',
    'expose',
    'networks',
    'cap_add',
    'cap_drop',
    'profiles',
    'links',
    'external_links',
    'extra_hosts',
    'dns',
    'dns_search',
    'secrets',
    'configs',
    'devices',
    'labels',
    'sysctls',
    'security_opt',
    'volumes',
    'tmpfs'
]);
function plain(val, key) {
    if (!val)
        return '';
    if (val.kind === 'scalar') {
        const text = val.value === null || val.value === undefined ? '' : String(val.value);
        return (0,interpolation/* withDefaults */.rO)(text) ?? text;
    }
    if (val.kind === 'seq') {
        const items = val.items.map((v) => plain(v));
        if (!key || !SETS.has(key))
            return items;
        // Each item's text once, not twice per comparison.
        return items
            .map((item) => ({ item, text: JSON.stringify(item) }))
            .sort((a, b) => a.text.localeCompare(b.text))
            .map(({ item }) => item);
    }
    const out = {};
    for (const k of [...val.entries.keys()].sort())
        out[k] = plain(val.entries.get(k).value, k);
    return out;
}
/** The file's project as one normalised JSON text (no other files: fixes change this one). */
function composeSignature(doc) {
    // A fresh workspace per call: the project cache must not hand back the text before a fix.
    const workspace = { readFile: () => undefined, listDir: () => undefined };
    const project = (0,compose_project/* projectOf */.v8)(doc, workspace);
    const services = {};
    for (const name of [...project.services.keys()].sort())
        services[name] = plain(project.services.get(name).value);
    const resources = {};
    for (const [kind, entries] of [...project.resources].sort((a, b) => a[0].localeCompare(b[0])))
        resources[kind] = [...entries.keys()].sort();
    return JSON.stringify({ services, resources });
}
/**
 * The compose effect check: each safe fix is applied on its own; one that changes the model
 * (and is not a declared repair) is demoted to unsafe, saying so in one line.
 */
function checkSafeComposeFixes(doc, findings) {
    const verdicts = new Map();
    const demoted = [];
    let before;
    const out = findings.map((f) => {
        const fix = f.fix;
        if (!fix?.safe || fix.effect?.kind === 'repair')
            return f;
        let same = verdicts.get(fix);
        if (same === undefined) {
            before ??= composeSignature(doc);
            const applied = (0,fixes/* applyFixes */.yZ)(doc.text, [fix]);
            same =
                applied.applied.length === 1 &&
                    composeSignature((0,compose/* parseCompose */.g)(doc.path, applied.text)) === before;
            verdicts.set(fix, same);
        }
        if (same)
            return f;
        const d = {
            ...f,
            fix: {
                ...fix,
                safe: false,
                description: `${fix.description} Unsafe: it changes the services or resources Compose runs.`
            }
        };
        demoted.push(d);
        return d;
    });
    return { findings: out, checked: verdicts.size, demoted };
}

;// CONCATENATED MODULE: ./src/lint/engine.ts











/** The per-file guard the CLI and the action use: far above any real file (the corpus' largest take < 2 s). */
const DEFAULT_FILE_BUDGET_MS = 60_000;
/** Thrown inside a rule by the budget checks; never escapes the engine. */
class OverBudget extends Error {
}
function budgetCheck(budget, started) {
    if (!budget)
        return undefined;
    const deadline = started + budget.ms;
    return () => {
        if (budget.now() > deadline)
            throw new OverBudget();
    };
}
function overBudget(path, kind, options, where) {
    const seconds = Math.round(options.budget.ms / 100) / 10;
    return notCheckedResult(path, kind, options, [
        `linting stopped at the ${seconds} s safety limit per file (${where}); its findings are not shown`
    ], true);
}
/**
 * The "not fully checked" findings of a file (src/core/not-checked.ts), one per reason, at its
 * configured severity; none when the configuration turned the rule off.
 */
function notCheckedFindings(path, kind, options, reasons) {
    const id = not_checked/* NOT_CHECKED */.mI[kind];
    if (reasons.length === 0 || (options.only && !options.only.has(id)))
        return [];
    const state = (0,config_config/* ruleState */.GA)(options.config, id, options.registry.byId.get(id));
    if (!state.enabled)
        return [];
    return reasons.map((reason) => ({
        rule: id,
        severity: state.severity,
        message: `This file was not fully checked: ${reason}.`,
        file: path,
        range: not_checked/* FILE_START */.WS
    }));
}
/**
 * A file the engine could not check. What the engine itself ran into (a crash, the guard) is also
 * an error of the result — the diagnostic channel that tests and `--format json` show even when
 * the "not fully checked" rule is off; a reader's reason (binary, a link…) is a finding only.
 */
function notCheckedResult(path, kind, options, reasons, internal = false) {
    const findings = notCheckedFindings(path, kind, options, reasons);
    return { path, kind, findings, errors: internal ? [...reasons] : [] };
}
const EMPTY_WORKSPACE = {
    readFile: () => undefined,
    listDir: () => undefined
};
function lintText(input, options) {
    const unreadable = input.notChecked ?? notLintable(input.text);
    if (unreadable !== undefined)
        return notCheckedResult(input.path, input.kind, options, [unreadable]);
    const started = options.budget?.now() ?? 0;
    const check = budgetCheck(options.budget, started);
    if (input.kind === 'dockerfile') {
        const doc = (0,model/* parseDockerfile */.A)(input.path, input.text);
        if (check && !within(check))
            return overBudget(input.path, input.kind, options, 'while parsing');
        return lintDockerfile(doc, options, started);
    }
    const doc = (0,compose/* parseCompose */.g)(input.path, input.text);
    if (check && !within(check))
        return overBudget(input.path, input.kind, options, 'while parsing');
    return lintCompose(doc, options, started);
}
function within(check) {
    try {
        check();
        return true;
    }
    catch {
        return false;
    }
}
/**
 * The model as rules see it under a budget: the lazy per-instruction reads check the clock, so a
 * rule looping over a huge file stops at the deadline instead of running on.
 */
function watched(doc, check) {
    return Object.create(doc, {
        shell: { value: (inst) => (check(), doc.shell(inst)) },
        shellOf: { value: (inst) => (check(), doc.shellOf(inst)) },
        variables: { value: (inst) => (check(), doc.variables(inst)) }
    });
}
/**
 * Lint several files; a file that cannot be linted (a crash in parsing) becomes an error on that
 * file and never stops the others.
 */
function lintFiles(inputs, options) {
    return inputs.map((input) => {
        try {
            return lintText(input, options);
        }
        catch (error) {
            return notCheckedResult(input.path, input.kind, options, [`it could not be linted (${messageOf(error)})`], true);
        }
        finally {
            options.afterFile?.();
        }
    });
}
function lintDockerfile(doc, options, started = options.budget?.now() ?? 0) {
    const check = budgetCheck(options.budget, started);
    const ran = runRules(check ? watched(doc, check) : doc, options.registry.dockerfile, options, check);
    if (ran.stoppedIn)
        return overBudget(doc.path, 'dockerfile', options, ran.stoppedIn);
    const { findings, errors } = ran;
    const pragmas = options.config.settings.disableIgnorePragma
        ? []
        : dockerfilePragmas(doc, options.registry);
    // Every safe fix must change the build only as it declares; the others become unsafe.
    const unsuppressed = findings.filter((f) => !isSuppressed(f, pragmas));
    const kept = options.checkFixEffects === false ? unsuppressed : (0,effects/* checkSafeFixes */.$P)(doc, unsuppressed).findings;
    return finish(doc.path, 'dockerfile', kept, notCheckedFindings(doc.path, 'dockerfile', options, errors), errors);
}
function lintCompose(doc, options, started = options.budget?.now() ?? 0) {
    const ran = runRules(doc, options.registry.compose, options, budgetCheck(options.budget, started));
    if (ran.stoppedIn)
        return overBudget(doc.path, 'compose', options, ran.stoppedIn);
    const { findings, errors } = ran;
    const disables = options.config.settings.disableIgnorePragma
        ? []
        : composeDisables(doc.text, (n) => options.registry.resolve(n));
    const enabled = findings.filter((f) => !isDisabled(f, disables));
    const kept = options.checkFixEffects === false ? enabled : checkSafeComposeFixes(doc, enabled).findings;
    return finish(doc.path, 'compose', kept, notCheckedFindings(doc.path, 'compose', options, errors), errors);
}
/** A file's findings in order; the "not fully checked" ones are added after suppression. */
function finish(path, kind, findings, notChecked, errors) {
    findings.push(...notChecked);
    findings.sort((a, b) => (0,core_text/* compareRanges */.C1)(a.range, b.range) || (0,core_text/* compareText */.n6)(a.rule, b.rule));
    return { path, kind, findings, errors };
}
/**
 * Text that reached the engine without passing a reader's checks (stdin, a test, an API answer):
 * the same size and binary decisions as src/io/source.ts.
 */
function notLintable(text) {
    const decoded = (0,source/* decodeText */.g7)(text);
    return decoded.ok ? undefined : decoded.reason;
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** Which rules run, and at which severity, depends only on the config: work it out once per config. */
const plans = new WeakMap();
function planFor(rules, config) {
    let byList = plans.get(config);
    if (!byList)
        plans.set(config, (byList = new WeakMap()));
    let plan = byList.get(rules);
    if (!plan) {
        const severity = new Map();
        const enabled = rules.filter((rule) => {
            if (rule.meta.id === FAMILY)
                return true;
            const state = (0,config_config/* ruleState */.GA)(config, rule.meta.id, rule.meta);
            severity.set(rule.meta.id, state.severity);
            return state.enabled;
        });
        plan = { rules: enabled, severity };
        byList.set(rules, plan);
    }
    return plan;
}
/** The rule that fronts a family of ids (ShellCheck's SC codes): each report names its own id. */
const FAMILY = 'SHELLCHECK';
function runRules(doc, rules, options, check) {
    const { config, registry } = options;
    const plan = planFor(rules, config);
    const findings = [];
    const errors = [];
    let meta = rules[0]?.meta;
    /**
     * Ranges a rule reported with a `source`, to report a node shared through an anchor once (made
     * on a rule's first such report: one set per rule and file was 33 MB over the corpus).
     */
    let reported;
    const report = (r) => {
        if (r.source) {
            if (!(0,file/* sameFile */.Vi)(r.source, doc))
                return;
            const { start, end } = r.range;
            const key = `${start.line}:${start.column}:${end.line}:${end.column}`;
            reported ??= new Set();
            if (reported.has(key))
                return;
            reported.add(key);
        }
        check?.();
        let rule = meta.id;
        let severity = plan.severity.get(rule);
        if (meta.id === FAMILY) {
            if (!r.rule)
                throw new Error(`rule ${FAMILY} must name the id it reports under`);
            const state = (0,config_config/* ruleState */.GA)(config, r.rule, registry.byId.get(r.rule), r.severity);
            if (!state.enabled)
                return;
            rule = r.rule;
            severity = state.severity;
        }
        else if (r.rule) {
            throw new Error(`rule ${meta.id} reported under another id (${r.rule})`);
        }
        if (r.fix && !meta.fixable)
            throw new Error(`rule ${meta.id} is not marked fixable but reported a fix`);
        const finding = { rule, severity, message: r.message, file: doc.path, range: r.range };
        if (r.fix)
            finding.fix = r.fix;
        if (r.precision)
            finding.precision = r.precision;
        findings.push(finding);
    };
    const ctx = {
        report,
        settings: config.settings,
        workspace: options.workspace ?? EMPTY_WORKSPACE,
        tools: options.tools ?? {}
    };
    let done = 0;
    for (const rule of plan.rules) {
        if (options.only && !options.only.has(rule.meta.id))
            continue;
        meta = rule.meta;
        reported = undefined;
        try {
            check?.();
            rule.check(doc, ctx);
            done++;
        }
        catch (error) {
            if (error instanceof OverBudget) {
                return { findings, errors, stoppedIn: `in rule ${meta.id}, after ${done} rules` };
            }
            errors.push(`rule ${meta.id} failed on it (internal error: ${messageOf(error)})`);
        }
    }
    return { findings, errors };
}

// EXTERNAL MODULE: ./src/rules/dockerfile/lib/shellcheck-script.ts
var shellcheck_script = __webpack_require__(7152);
;// CONCATENATED MODULE: ./src/rules/dockerfile/lib/shellcheck-prefetch.ts


/**
 * Every distinct script the SHELLCHECK rule will give ShellCheck for these files (RUN bodies over
 * SHELLCHECK_LIMITS left out, exactly as the rule does: it is the rule's own collection, run with
 * a recorder instead of ShellCheck). The edges hand them to the runner's prefetch before linting,
 * so the run's scripts are checked all at once over every core instead of one process per file.
 * A file that does not parse contributes nothing; the engine reports it when it lints it.
 * `afterFile` is called after each file, as the engine's (the edges pace garbage collection with it).
 */
function shellcheckRequests(inputs, afterFile) {
    const scripts = new Set();
    const record = (requests) => {
        for (const r of requests)
            scripts.add(r.script);
        return [];
    };
    for (const input of inputs) {
        if (input.kind !== 'dockerfile' || input.notChecked !== undefined)
            continue;
        try {
            (0,shellcheck_script/* checkedScripts */.KB)((0,model/* parseDockerfile */.A)(input.path, input.text), record);
        }
        catch {
            // Left to the engine, which turns it into the file's "not fully checked" finding.
        }
        afterFile?.();
    }
    return [...scripts].map((script) => ({ script }));
}

// EXTERNAL MODULE: ./src/diff/patch.ts
var patch = __webpack_require__(5033);
// EXTERNAL MODULE: ./src/rules/index.ts + 176 modules
var rules = __webpack_require__(225);
// EXTERNAL MODULE: ./src/action/sources.ts
var sources = __webpack_require__(4544);
;// CONCATENATED MODULE: ./src/action/lint.ts








class ConfigFileError extends Error {
}
function diffOf(file, whole) {
    if (whole)
        return undefined;
    if (file.patch === undefined && file.status === 'renamed') {
        return { hunks: [], right: new Map(), hasPatch: true };
    }
    return (0,patch/* parsePatch */.iz)(file.patch);
}
function readConfig(fetched, explicit) {
    const text = (path) => {
        const state = fetched.files.get(path);
        return state?.kind === 'text' ? { file: path, text: state.text } : undefined;
    };
    if (explicit) {
        const file = text(explicit);
        if (!file)
            throw new ConfigFileError(`configuration file ${explicit} (input \`config\`) was not found at the reviewed commit`);
        return config_config/* HADOLINT_CONFIG_FILES */.V2.some((n) => explicit.endsWith(n)) || /hadolint/i.test(explicit)
            ? { hadolint: file }
            : { own: file };
    }
    const [own] = (0,sources/* configPaths */.hg)(undefined)
        .filter((p) => !config_config/* HADOLINT_CONFIG_FILES */.V2.includes(p))
        .map(text)
        .filter((f) => f !== undefined);
    const [hadolint] = config_config/* HADOLINT_CONFIG_FILES */.V2.map(text).filter((f) => f !== undefined);
    return { own, hadolint };
}
async function lintChanges(request) {
    const notes = [];
    const live = request.changed.filter((f) => f.status !== 'removed');
    const byPath = new Map(live.map((f) => [f.path, f]));
    const targets = new Map();
    for (const f of live) {
        const kind = request.detect(f.path);
        if (kind)
            targets.set(f.path, kind);
    }
    const wanted = (paths, have) => [...new Set(paths)].filter((p) => !have?.files.has(p));
    // Read 1: the targets, their companions, the configuration, and the targets' folders.
    const first = {
        paths: wanted([
            ...targets.keys(),
            ...[...targets].flatMap(([p, k]) => (0,sources/* companions */.a5)(p, k)),
            ...(request.configFetch || request.configAtBase ? [] : (0,sources/* configPaths */.hg)(request.configPath))
        ], undefined),
        dirs: [...new Set([...targets.keys()].map(sources/* dirOf */.Rw))],
        ...(request.configAtBase && !request.configFetch
            ? { basePaths: (0,sources/* configPaths */.hg)(request.configPath) }
            : {})
    };
    const fetched = await request.fetch(first);
    let reads = 1;
    let configSource = fetched;
    if (request.configFetch) {
        configSource = await request.configFetch({ paths: (0,sources/* configPaths */.hg)(request.configPath), dirs: [] });
    }
    else if (request.configAtBase) {
        if (!fetched.base)
            throw new Error('the configuration could not be read at the base commit');
        configSource = { files: fetched.base, dirs: new Map() };
    }
    const config = (0,config_config/* configFromTexts */.DV)(readConfig(configSource, request.configPath), rules.registry, request.layers);
    const ignored = config.ignorePaths.length > 0 ? picomatch_default()(config.ignorePaths, { dot: true }) : () => false;
    for (const path of [...targets.keys()]) {
        if (ignored(path)) {
            targets.delete(path);
            notes.push(`${path}: ignored by the configuration's ignore paths`);
        }
    }
    // Read 2 (only when needed): what changed compose files refer to.
    const more = { paths: [], dirs: [] };
    /** Dockerfiles the changed compose files build: linted too, once read. */
    const built = new Set();
    const inline = new Map();
    for (const [path, kind] of targets) {
        const state = fetched.files.get(path);
        if (kind !== 'compose' || state?.kind !== 'text')
            continue;
        const refs = (0,sources/* composeReferences */.rd)(path, state.text);
        more.paths.push(...refs.files, ...refs.contexts.map((c) => (c === '' ? '.dockerignore' : `${c}/.dockerignore`)));
        for (const dockerfile of refs.dockerfiles) {
            more.paths.push(dockerfile, `${dockerfile}.dockerignore`);
            if (!targets.has(dockerfile) && !ignored(dockerfile))
                built.add(dockerfile);
        }
        more.dirs.push(...refs.contexts);
        const inlined = (0,sources/* inlineDockerfiles */.pn)(state.text);
        if (inlined.length > 0)
            inline.set(path, inlined);
    }
    const second = {
        paths: wanted(more.paths, fetched),
        dirs: [...new Set(more.dirs)].filter((d) => !fetched.dirs.has(d))
    };
    if (second.paths.length > 0 || second.dirs.length > 0) {
        (0,sources/* mergeFetched */.ug)(fetched, await request.fetch(second));
        reads++;
    }
    // A built Dockerfile that is not there is the compose file's finding (DC0005), not a file of its own.
    for (const dockerfile of built) {
        const state = fetched.files.get(dockerfile);
        if (state && state.kind !== 'missing')
            targets.set(dockerfile, 'dockerfile');
    }
    const inputs = [];
    for (const [path, kind] of [...targets].sort(([a], [b]) => (0,core_text/* compareText */.n6)(a, b))) {
        const state = fetched.files.get(path);
        // Fail closed: a target that could not be read is a "not fully checked" finding, not a note.
        if (state?.kind === 'text')
            inputs.push({ path, kind, text: state.text });
        else if (state?.kind === 'skipped')
            inputs.push({ path, kind, text: '', notChecked: state.reason });
        else {
            inputs.push({ path, kind, text: '', notChecked: 'not found at the reviewed commit' });
        }
    }
    const tools = request.tools(config);
    // Every script of the run checked at once by a pool of processes, before linting asks for them.
    if (tools.shellcheck?.prefetchAsync)
        await tools.shellcheck.prefetchAsync(shellcheckRequests(inputs, request.afterFile));
    const results = lintFiles(inputs, {
        registry: rules.registry,
        config,
        workspace: (0,sources/* fetchedWorkspace */.ht)(fetched),
        tools,
        budget: request.budget ?? { ms: DEFAULT_FILE_BUDGET_MS, now: () => performance.now() },
        ...(request.afterFile ? { afterFile: request.afterFile } : {})
    });
    // `dockerfile_inline`: linted as the Dockerfile it is, its findings placed on the compose lines.
    for (const result of results) {
        for (const block of inline.get(result.path) ?? []) {
            const own = lintText({ path: result.path, kind: 'dockerfile', text: block.text }, { registry: rules.registry, config });
            result.findings.push(...own.findings.map((f) => (0,sources/* placeInline */.rN)(f, block)));
        }
    }
    const files = results.map((result, i) => {
        const changed = byPath.get(result.path);
        const file = { ...result, text: inputs[i].text };
        const diff = changed ? diffOf(changed, request.wholeFiles === true) : undefined;
        if (diff)
            file.diff = diff;
        for (const error of result.errors)
            notes.push(`${result.path}: ${error}`);
        return file;
    });
    return { config, files, notes, reads, registry: rules.registry };
}


/***/ })

};

//# sourceMappingURL=514.index.js.map