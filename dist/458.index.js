export const id = 458;
export const ids = [458];
export const modules = {

/***/ 2463:
/***/ ((module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
const core_1 = __webpack_require__(3893);
const draft7_1 = __webpack_require__(9941);
const discriminator_1 = __webpack_require__(8886);
const draft7MetaSchema = __webpack_require__(2079);
const META_SUPPORT_DATA = ["/properties"];
const META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
class Ajv extends core_1.default {
    _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
            this.addKeyword(discriminator_1.default);
    }
    _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
            return;
        const metaSchema = this.opts.$data
            ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA)
            : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
    }
    defaultMeta() {
        return (this.opts.defaultMeta =
            super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : undefined));
    }
}
exports.Ajv = Ajv;
module.exports = exports = Ajv;
module.exports.Ajv = Ajv;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports["default"] = Ajv;
var validate_1 = __webpack_require__(7881);
Object.defineProperty(exports, "KeywordCxt", ({ enumerable: true, get: function () { return validate_1.KeywordCxt; } }));
var codegen_1 = __webpack_require__(1436);
Object.defineProperty(exports, "_", ({ enumerable: true, get: function () { return codegen_1._; } }));
Object.defineProperty(exports, "str", ({ enumerable: true, get: function () { return codegen_1.str; } }));
Object.defineProperty(exports, "stringify", ({ enumerable: true, get: function () { return codegen_1.stringify; } }));
Object.defineProperty(exports, "nil", ({ enumerable: true, get: function () { return codegen_1.nil; } }));
Object.defineProperty(exports, "Name", ({ enumerable: true, get: function () { return codegen_1.Name; } }));
Object.defineProperty(exports, "CodeGen", ({ enumerable: true, get: function () { return codegen_1.CodeGen; } }));
var validation_error_1 = __webpack_require__(5402);
Object.defineProperty(exports, "ValidationError", ({ enumerable: true, get: function () { return validation_error_1.default; } }));
var ref_error_1 = __webpack_require__(3162);
Object.defineProperty(exports, "MissingRefError", ({ enumerable: true, get: function () { return ref_error_1.default; } }));
//# sourceMappingURL=ajv.js.map

/***/ }),

/***/ 9941:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const core_1 = __webpack_require__(7397);
const validation_1 = __webpack_require__(5481);
const applicator_1 = __webpack_require__(8775);
const format_1 = __webpack_require__(2601);
const metadata_1 = __webpack_require__(6620);
const draft7Vocabularies = [
    core_1.default,
    validation_1.default,
    (0, applicator_1.default)(),
    format_1.default,
    metadata_1.metadataVocabulary,
    metadata_1.contentVocabulary,
];
exports["default"] = draft7Vocabularies;
//# sourceMappingURL=draft7.js.map

/***/ }),

/***/ 8220:
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
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/similar.ts
var similar = __webpack_require__(3458);
// EXTERNAL MODULE: ./src/core/lazy.ts
var lazy = __webpack_require__(8381);
;// CONCATENATED MODULE: ./src/config/docker-review.schema.json
const docker_review_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/docker-review/docker-review/blob/main/src/config/docker-review.schema.json","title":"docker-review configuration (.docker-review.yml)","type":"object","additionalProperties":false,"properties":{"all":{"description":"Turn on every rule, including the off-by-default ones.","type":"boolean"},"fail-on":{"description":"Lowest severity that fails the check (exit code 1).","enum":["error","warning","info","style","none"]},"ignore-paths":{"description":"Glob patterns (repository-relative) of files never linted.","type":"array","items":{"type":"string","minLength":1}},"rules":{"description":"Per rule (id or alias): off, on, a severity, or [setting, {options}] for rules that take options.","type":"object","additionalProperties":{"oneOf":[{"enum":["off","on","error","warning","info","style"]},{"type":"boolean"},{"type":"array","minItems":2,"maxItems":2,"items":[{"oneOf":[{"enum":["off","on","error","warning","info","style"]},{"type":"boolean"}]},{"type":"object"}]}]}},"settings":{"type":"object","additionalProperties":false,"properties":{"trusted-registries":{"description":"DL3026: registries images may come from.","type":"array","items":{"type":"string","minLength":1}},"label-schema":{"description":"DL3049-DL3058: required labels and their types.","type":"object","additionalProperties":{"enum":["text","url","semver","hash","rfc3339","spdx","email"]}},"strict-labels":{"description":"DL3050: labels outside label-schema are reported.","type":"boolean"},"disable-ignore-pragma":{"description":"Inline ignore/disable comments stop working (policy enforcement).","type":"boolean"},"shellcheck":{"description":"Run ShellCheck on RUN instructions when a shellcheck binary is available.","type":"boolean"}}}}}');
;// CONCATENATED MODULE: ./src/config/hadolint.schema.json
const hadolint_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/docker-review/docker-review/blob/main/src/config/hadolint.schema.json","title":"hadolint configuration (.hadolint.yaml), as read by docker-review for migration","type":"object","additionalProperties":false,"properties":{"ignored":{"type":"array","items":{"type":"string"}},"override":{"type":"object","additionalProperties":false,"properties":{"error":{"type":"array","items":{"type":"string"}},"warning":{"type":"array","items":{"type":"string"}},"info":{"type":"array","items":{"type":"string"}},"style":{"type":"array","items":{"type":"string"}}}},"failure-threshold":{"enum":["error","warning","info","style","ignore","none"]},"trustedRegistries":{"oneOf":[{"type":"string"},{"type":"array","items":{"type":"string"}}]},"label-schema":{"type":"object","additionalProperties":{"enum":["text","url","semver","hash","rfc3339","spdx","email"]}},"strict-labels":{"type":"boolean"},"disable-ignore-pragma":{"type":"boolean"},"no-fail":{"type":"boolean"},"no-color":{"type":"boolean"},"verbose":{"type":"boolean"},"format":{"type":"string"},"formats":{"type":"array","items":{"type":"string"}}}}');
;// CONCATENATED MODULE: ./src/config/config.ts






const DEFAULT_CONFIG = {
    all: false,
    failOn: 'error',
    ignorePaths: [],
    rules: new Map(),
    settings: {
        trustedRegistries: [],
        labelSchema: {},
        strictLabels: false,
        disableIgnorePragma: false,
        shellcheck: true,
        ruleOptions: {}
    }
};
class ConfigError extends Error {
    file;
    problems;
    constructor(file, problems) {
        super(`${file}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.file = file;
        this.problems = problems;
        this.name = 'ConfigError';
    }
}
function resolveRuleName(catalog, name) {
    if (/^SC\d{4}$/i.test(name))
        return name.toUpperCase();
    return catalog.resolve(name);
}
const config_ajv = (0,lazy/* lazy */.R)(() => new ajv.Ajv({ allErrors: true, strict: false }));
const ownValidator = (0,lazy/* lazy */.R)(() => config_ajv().compile(docker_review_schema_namespaceObject));
const hadolintValidator = (0,lazy/* lazy */.R)(() => config_ajv().compile(hadolint_schema_namespaceObject));
function load(file, text) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true });
    if (doc.errors.length > 0) {
        throw new ConfigError(file, doc.errors.map((e) => {
            const p = lineCounter.linePos(e.pos[0]);
            return `${p.line}:${p.col}: ${e.message.split('\n')[0]}`;
        }));
    }
    return { doc, lineCounter, data: doc.toJS() ?? {} };
}
/** `line:col: ` of a key (when `key` is true) or value at `path`, '' when unknown. */
function where(loaded, path, key = false) {
    let node = path.length === 0 ? loaded.doc.contents : loaded.doc.getIn(path, true);
    if (key && path.length > 0) {
        const parent = path.length === 1 ? loaded.doc.contents : loaded.doc.getIn(path.slice(0, -1), true);
        if ((0,dist/* isMap */.jh)(parent)) {
            const pair = parent.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(path[path.length - 1]));
            if (pair)
                node = pair.key;
        }
    }
    const range = (0,dist/* isNode */.Ll)(node) ? node.range : undefined;
    if (!range)
        return '';
    const p = loaded.lineCounter.linePos(range[0]);
    return `${p.line}:${p.col}: `;
}
function pathOf(instancePath) {
    return instancePath
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
function schemaProblems(loaded, errors, knownKeys) {
    const seen = new Set();
    const out = [];
    for (const e of errors) {
        if (e.keyword === 'oneOf' || e.keyword === 'if')
            continue;
        const path = pathOf(e.instancePath);
        let msg;
        if (e.keyword === 'additionalProperties') {
            const key = String(e.params.additionalProperty);
            const hint = (0,similar/* closest */.k)(key, knownKeys(path));
            msg = `${where(loaded, [...path, key], true)}unknown key '${[...path, key].join('.')}'${hint ? ` (did you mean '${hint}'?)` : ''}`;
        }
        else if (e.keyword === 'enum') {
            const allowed = e.params.allowedValues;
            msg = `${where(loaded, path)}'${path.join('.')}' must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
        }
        else {
            msg = `${where(loaded, path)}'${path.join('.') || '(root)'}' ${e.message ?? 'is invalid'}`;
        }
        if (!seen.has(msg)) {
            seen.add(msg);
            out.push(msg);
        }
    }
    return out;
}
/** Order problems by their `line:col:` prefix. */
function byPosition(a, b) {
    const pa = /^(\d+):(\d+):/.exec(a);
    const pb = /^(\d+):(\d+):/.exec(b);
    if (!pa || !pb)
        return pa ? -1 : pb ? 1 : 0;
    return Number(pa[1]) - Number(pb[1]) || Number(pa[2]) - Number(pb[2]);
}
function schemaKeys(schema, path) {
    let node = schema;
    for (const key of path) {
        const next = node.properties?.[key];
        if (!next)
            return [];
        node = next;
    }
    return Object.keys(node.properties ?? {});
}
const optionValidators = new Map();
/** Validate a rule's options against its `meta.options` schema; a message, or undefined when fine. */
function checkOptions(meta, options) {
    if (!meta?.options)
        return 'this rule takes no options';
    let validate = optionValidators.get(meta.id);
    if (!validate) {
        validate = config_ajv().compile(meta.options);
        optionValidators.set(meta.id, validate);
    }
    if (validate(options))
        return undefined;
    return (validate.errors ?? [])
        .map((e) => {
        const at = e.instancePath ? `'${e.instancePath.slice(1).replace(/\//g, '.')}' ` : '';
        if (e.keyword === 'additionalProperties') {
            const key = String(e.params.additionalProperty);
            const hint = (0,similar/* closest */.k)(key, Object.keys(meta.options?.properties ?? {}));
            return `unknown option '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}`;
        }
        return `${at}${e.message ?? 'is invalid'}`;
    })
        .join('; ');
}
function checkRuleNames(loaded, catalog, entries) {
    const problems = [];
    const known = catalog.metas.flatMap((m) => [m.id, ...m.aliases]);
    for (const { name, path } of entries) {
        if (resolveRuleName(catalog, name) === undefined) {
            const hint = (0,similar/* closest */.k)(name, known);
            problems.push(`${where(loaded, path, typeof path[path.length - 1] === 'string')}unknown rule '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}`);
        }
    }
    return problems;
}
/** Parse `.docker-review.yml`. */
function parseOwnConfig(file, text, catalog) {
    const loaded = load(file, text);
    const data = loaded.data;
    const validateOwn = ownValidator();
    const problems = validateOwn(data)
        ? []
        : schemaProblems(loaded, validateOwn.errors ?? [], (p) => schemaKeys(docker_review_schema_namespaceObject, p));
    const rulesIn = (data && typeof data.rules === 'object' && !Array.isArray(data.rules) ? data.rules : {});
    problems.push(...checkRuleNames(loaded, catalog, Object.keys(rulesIn).map((name) => ({ name, path: ['rules', name] }))));
    const rules = new Map();
    const ruleOptions = {};
    for (const [name, entry] of Object.entries(rulesIn)) {
        const id = resolveRuleName(catalog, name);
        if (!id)
            continue;
        const [value, options] = Array.isArray(entry) ? entry : [entry, undefined];
        rules.set(id, value === true ? 'on' : value === false ? 'off' : value);
        if (options !== undefined) {
            const meta = catalog.metas.find((m) => m.id === id);
            const problem = checkOptions(meta, options);
            if (problem)
                problems.push(`${where(loaded, ['rules', name, 1])}${name} options: ${problem}`);
            else
                ruleOptions[id] = options;
        }
    }
    if (problems.length > 0)
        throw new ConfigError(file, problems.sort(byPosition));
    const s = (data.settings ?? {});
    const settings = {};
    if (s['trusted-registries'])
        settings.trustedRegistries = s['trusted-registries'];
    if (s['label-schema'])
        settings.labelSchema = s['label-schema'];
    if (s['strict-labels'] !== undefined)
        settings.strictLabels = s['strict-labels'];
    if (s['disable-ignore-pragma'] !== undefined) {
        settings.disableIgnorePragma = s['disable-ignore-pragma'];
    }
    if (s.shellcheck !== undefined)
        settings.shellcheck = s.shellcheck;
    if (Object.keys(ruleOptions).length > 0)
        settings.ruleOptions = ruleOptions;
    return {
        source: file,
        all: data.all,
        failOn: data['fail-on'],
        ignorePaths: data['ignore-paths'],
        rules,
        settings
    };
}
/** Parse `.hadolint.yaml` (the keys that matter to a migration). */
function parseHadolintConfig(file, text, catalog) {
    const loaded = load(file, text);
    const data = loaded.data;
    const validateHadolint = hadolintValidator();
    if (!validateHadolint(data)) {
        throw new ConfigError(file, schemaProblems(loaded, validateHadolint.errors ?? [], (p) => schemaKeys(hadolint_schema_namespaceObject, p)));
    }
    const entries = [];
    (data.ignored ?? []).forEach((name, i) => entries.push({ name, path: ['ignored', i], setting: 'off' }));
    const override = (data.override ?? {});
    for (const level of ['error', 'warning', 'info', 'style']) {
        ;
        (override[level] ?? []).forEach((name, i) => entries.push({ name, path: ['override', level, i], setting: level }));
    }
    const problems = checkRuleNames(loaded, catalog, entries);
    if (problems.length > 0)
        throw new ConfigError(file, problems);
    const rules = new Map();
    // hadolint applies `ignored` last: an ignored rule stays off whatever its override says.
    for (const e of [...entries].sort((a, b) => Number(a.setting === 'off') - Number(b.setting === 'off'))) {
        rules.set(resolveRuleName(catalog, e.name), e.setting);
    }
    const threshold = data['failure-threshold'];
    const failOn = data['no-fail'] === true
        ? 'none'
        : threshold === 'ignore'
            ? 'style'
            : threshold;
    const trusted = data.trustedRegistries;
    const settings = {};
    if (trusted !== undefined)
        settings.trustedRegistries = typeof trusted === 'string' ? [trusted] : trusted;
    if (data['label-schema'])
        settings.labelSchema = data['label-schema'];
    if (data['strict-labels'] !== undefined)
        settings.strictLabels = data['strict-labels'];
    if (data['disable-ignore-pragma'] !== undefined) {
        settings.disableIgnorePragma = data['disable-ignore-pragma'];
    }
    return { source: file, failOn, rules, settings };
}
/** Later layers win (hadolint's layering: defaults < config files < command line). */
function resolveConfig(layers) {
    const out = {
        ...DEFAULT_CONFIG,
        rules: new Map(),
        settings: { ...DEFAULT_CONFIG.settings }
    };
    for (const layer of layers) {
        if (layer.all !== undefined)
            out.all = layer.all;
        if (layer.failOn !== undefined)
            out.failOn = layer.failOn;
        if (layer.ignorePaths)
            out.ignorePaths = [...out.ignorePaths, ...layer.ignorePaths];
        for (const [id, setting] of layer.rules ?? [])
            out.rules.set(id, setting);
        for (const [key, value] of Object.entries(layer.settings ?? {})) {
            if (value === undefined)
                continue;
            if (key === 'ruleOptions') {
                out.settings.ruleOptions = {
                    ...out.settings.ruleOptions,
                    ...value
                };
            }
            else
                out.settings[key] = value;
        }
    }
    return out;
}
/** Is the rule on, and at which severity? `meta` is undefined for ShellCheck codes. */
function ruleState(config, id, meta, reportedSeverity) {
    const setting = config.rules.get(id);
    const base = reportedSeverity ?? meta?.defaultSeverity ?? 'warning';
    if (setting === 'off')
        return { enabled: false, severity: base };
    if (setting && setting !== 'on')
        return { enabled: true, severity: setting };
    const enabled = setting === 'on' || config.all || (meta?.enabledByDefault ?? true);
    return { enabled, severity: base };
}
/** The repository's configuration: hadolint's file first, ours on top (ours wins). Throws ConfigError. */
function configFromTexts(texts, catalog, extra = []) {
    const layers = [];
    if (texts.hadolint)
        layers.push(parseHadolintConfig(texts.hadolint.file, texts.hadolint.text, catalog));
    if (texts.own)
        layers.push(parseOwnConfig(texts.own.file, texts.own.text, catalog));
    return resolveConfig([...layers, ...extra]);
}
/** Config file names looked up at the repository root, in order. */
const OWN_CONFIG_FILES = ['.docker-review.yml', '.docker-review.yaml'];
const HADOLINT_CONFIG_FILES = ['.hadolint.yaml', '.hadolint.yml'];

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
// EXTERNAL MODULE: ./src/parse/dockerfile.ts + 1 modules
var dockerfile = __webpack_require__(9625);
// EXTERNAL MODULE: ./src/parse/compose.ts
var compose = __webpack_require__(6791);
// EXTERNAL MODULE: ./src/parse/shell.ts
var shell = __webpack_require__(1969);
;// CONCATENATED MODULE: ./src/suppress/dockerfile.ts
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

;// CONCATENATED MODULE: ./src/suppress/compose.ts
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

;// CONCATENATED MODULE: ./src/core/engine.ts







/** The per-file time budget the CLI and the action use. */
const DEFAULT_FILE_BUDGET_MS = 10_000;
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
function overBudget(path, kind, budget, where) {
    return {
        path,
        kind,
        findings: [],
        errors: [
            `skipped: linting this file took longer than its time budget (${budget.ms} ms per file; stopped ${where})`
        ]
    };
}
const EMPTY_WORKSPACE = {
    readFile: () => undefined,
    listDir: () => undefined
};
function lintText(input, options) {
    const started = options.budget?.now() ?? 0;
    const check = budgetCheck(options.budget, started);
    if (input.kind === 'dockerfile') {
        const doc = (0,dockerfile/* parseDockerfile */.Ai)(input.path, input.text);
        if (check && !within(check))
            return overBudget(input.path, input.kind, options.budget, 'while parsing');
        return lintDockerfile(doc, options, started);
    }
    const doc = (0,compose/* parseCompose */.g)(input.path, input.text);
    if (check && !within(check))
        return overBudget(input.path, input.kind, options.budget, 'while parsing');
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
    if (inputs.some((i) => i.kind === 'dockerfile'))
        (0,shell/* loadShellParser */.sA)();
    return inputs.map((input) => {
        try {
            return lintText(input, options);
        }
        catch (error) {
            return {
                path: input.path,
                kind: input.kind,
                findings: [],
                errors: [`could not lint: ${error instanceof Error ? error.message : String(error)}`]
            };
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
        return overBudget(doc.path, 'dockerfile', options.budget, ran.stoppedIn);
    const { findings, errors } = ran;
    const pragmas = options.config.settings.disableIgnorePragma
        ? []
        : dockerfilePragmas(doc, options.registry);
    return finish(doc.path, 'dockerfile', findings.filter((f) => !isSuppressed(f, pragmas)), errors);
}
function lintCompose(doc, options, started = options.budget?.now() ?? 0) {
    const ran = runRules(doc, options.registry.compose, options, budgetCheck(options.budget, started));
    if (ran.stoppedIn)
        return overBudget(doc.path, 'compose', options.budget, ran.stoppedIn);
    const { findings, errors } = ran;
    const disables = options.config.settings.disableIgnorePragma
        ? []
        : composeDisables(doc.text, (n) => options.registry.resolve(n));
    return finish(doc.path, 'compose', findings.filter((f) => !isDisabled(f, disables)), errors);
}
function finish(path, kind, findings, errors) {
    findings.sort((a, b) => (0,core_text/* compareRanges */.C1)(a.range, b.range) || a.rule.localeCompare(b.rule));
    return { path, kind, findings, errors };
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
            const state = ruleState(config, rule.meta.id, rule.meta);
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
    const report = (r) => {
        check?.();
        let rule = meta.id;
        let severity = plan.severity.get(rule);
        if (meta.id === FAMILY) {
            if (!r.rule)
                throw new Error(`rule ${FAMILY} must name the id it reports under`);
            const state = ruleState(config, r.rule, registry.byId.get(r.rule), r.severity);
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
        try {
            check?.();
            rule.check(doc, ctx);
            done++;
        }
        catch (error) {
            if (error instanceof OverBudget) {
                return { findings, errors, stoppedIn: `in rule ${meta.id}, after ${done} rules` };
            }
            errors.push(`internal error in rule ${meta.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    return { findings, errors };
}

// EXTERNAL MODULE: ./src/diff/patch.ts
var patch = __webpack_require__(5033);
// EXTERNAL MODULE: ./src/rules/index.ts + 177 modules
var rules = __webpack_require__(1316);
;// CONCATENATED MODULE: ./src/action/sources.ts


/** Repository-relative POSIX path of `rel` against folder `dir`; undefined if it leaves the repository. */
function joinPath(dir, rel) {
    if (rel === '' || rel.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(rel) || rel.includes('\0')) {
        return rel === '' ? normalize(dir) : undefined;
    }
    return normalize(dir === '' || dir === '.' ? rel : `${dir}/${rel}`);
}
function normalize(path) {
    const out = [];
    for (const part of path.replace(/\\/g, '/').split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (out.length === 0)
                return undefined;
            out.pop();
        }
        else
            out.push(part);
    }
    return out.join('/');
}
function dirOf(path) {
    const i = path.lastIndexOf('/');
    return i === -1 ? '' : path.slice(0, i);
}
function baseOf(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
const OVERRIDE_PARTNERS = {
    'docker-compose': [
        'docker-compose.yml',
        'docker-compose.yaml',
        'docker-compose.override.yml',
        'docker-compose.override.yaml'
    ],
    compose: ['compose.yml', 'compose.yaml', 'compose.override.yml', 'compose.override.yaml']
};
/** The files read with a target: ignore files for a Dockerfile, the override pair for a compose file. */
function companions(path, kind) {
    const dir = dirOf(path);
    const at = (name) => (dir === '' ? name : `${dir}/${name}`);
    if (kind === 'dockerfile')
        return [at('.dockerignore'), `${path}.dockerignore`];
    const base = baseOf(path)
        .replace(/\.override/, '')
        .replace(/\.ya?ml$/, '');
    return (OVERRIDE_PARTNERS[base] ?? []).map(at).filter((p) => p !== path);
}
/** Configuration files to read: the explicit one, or the usual names at the repository root. */
function configPaths(explicit) {
    return explicit ? [explicit] : [...OWN_CONFIG_FILES, ...HADOLINT_CONFIG_FILES];
}
const isObj = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
const strings = (v) => typeof v === 'string'
    ? [v]
    : Array.isArray(v)
        ? v.filter((x) => typeof x === 'string')
        : [];
/** What a compose file refers to, resolved against its folder. Never throws on bad YAML. */
function composeReferences(path, text) {
    const out = { files: [], contexts: [], dockerfiles: [] };
    let data;
    try {
        data = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: false }).toJS({ maxAliasCount: 100 });
    }
    catch {
        return out;
    }
    if (!isObj(data))
        return out;
    const dir = dirOf(path);
    const add = (list, rel, base = dir) => {
        const resolved = joinPath(base, rel);
        if (resolved !== undefined && !list.includes(resolved))
            list.push(resolved);
    };
    for (const entry of Array.isArray(data.include) ? data.include : strings(data.include)) {
        for (const p of isObj(entry) ? strings(entry.path) : strings(entry))
            add(out.files, p);
    }
    const services = isObj(data.services) ? data.services : {};
    for (const service of Object.values(services)) {
        if (!isObj(service))
            continue;
        if (isObj(service.extends) && typeof service.extends.file === 'string') {
            add(out.files, service.extends.file);
        }
        const build = typeof service.build === 'string' ? { context: service.build } : service.build;
        if (!isObj(build))
            continue;
        const context = typeof build.context === 'string' ? build.context : '.';
        const contextDir = joinPath(dir, context);
        if (contextDir === undefined)
            continue;
        if (!out.contexts.includes(contextDir))
            out.contexts.push(contextDir);
        if (typeof build.dockerfile_inline === 'string')
            continue;
        add(out.dockerfiles, typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile', contextDir);
    }
    return out;
}
/** A Workspace over what a run fetched: file texts and folder listings. */
function fetchedWorkspace(fetched) {
    const key = (p) => joinPath('', p);
    return {
        readFile(path) {
            const k = key(path);
            const state = k === undefined ? undefined : fetched.files.get(k);
            return state?.kind === 'text' ? state.text : undefined;
        },
        listDir(path) {
            const k = key(path);
            return k === undefined ? undefined : (fetched.dirs.get(k) ?? undefined);
        }
    };
}
/** Merge a second fetch into the first. */
function mergeFetched(into, more) {
    for (const [k, v] of more.files)
        into.files.set(k, v);
    for (const [k, v] of more.dirs)
        into.dirs.set(k, v);
    return into;
}

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
        return HADOLINT_CONFIG_FILES.some((n) => explicit.endsWith(n)) || /hadolint/i.test(explicit)
            ? { hadolint: file }
            : { own: file };
    }
    const [own] = configPaths(undefined)
        .filter((p) => !HADOLINT_CONFIG_FILES.includes(p))
        .map(text)
        .filter((f) => f !== undefined);
    const [hadolint] = HADOLINT_CONFIG_FILES.map(text).filter((f) => f !== undefined);
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
            ...[...targets].flatMap(([p, k]) => companions(p, k)),
            ...(request.configFetch ? [] : configPaths(request.configPath))
        ], undefined),
        dirs: [...new Set([...targets.keys()].map(dirOf))]
    };
    const fetched = await request.fetch(first);
    let reads = 1;
    const configSource = request.configFetch
        ? await request.configFetch({ paths: configPaths(request.configPath), dirs: [] })
        : fetched;
    const config = configFromTexts(readConfig(configSource, request.configPath), rules.registry, request.layers);
    const ignored = config.ignorePaths.length > 0 ? picomatch_default()(config.ignorePaths, { dot: true }) : () => false;
    for (const path of [...targets.keys()]) {
        if (ignored(path)) {
            targets.delete(path);
            notes.push(`${path}: ignored by the configuration's ignore paths`);
        }
    }
    // Read 2 (only when needed): what changed compose files refer to.
    const more = { paths: [], dirs: [] };
    for (const [path, kind] of targets) {
        const state = fetched.files.get(path);
        if (kind !== 'compose' || state?.kind !== 'text')
            continue;
        const refs = composeReferences(path, state.text);
        more.paths.push(...refs.files, ...refs.contexts.map((c) => (c === '' ? '.dockerignore' : `${c}/.dockerignore`)));
        for (const dockerfile of refs.dockerfiles) {
            more.paths.push(dockerfile, `${dockerfile}.dockerignore`);
            if (byPath.has(dockerfile) && !targets.has(dockerfile) && !ignored(dockerfile)) {
                targets.set(dockerfile, 'dockerfile');
            }
        }
        more.dirs.push(...refs.contexts);
    }
    const second = {
        paths: wanted(more.paths, fetched),
        dirs: [...new Set(more.dirs)].filter((d) => !fetched.dirs.has(d))
    };
    if (second.paths.length > 0 || second.dirs.length > 0) {
        mergeFetched(fetched, await request.fetch(second));
        reads++;
    }
    const inputs = [];
    for (const [path, kind] of [...targets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const state = fetched.files.get(path);
        if (state?.kind === 'text')
            inputs.push({ path, kind, text: state.text });
        else if (state?.kind === 'skipped')
            notes.push(`${path}: not linted (${state.reason})`);
        else
            notes.push(`${path}: not found at the reviewed commit`);
    }
    const results = lintFiles(inputs, {
        registry: rules.registry,
        config,
        workspace: fetchedWorkspace(fetched),
        tools: request.tools(config),
        budget: request.budget ?? { ms: DEFAULT_FILE_BUDGET_MS, now: () => performance.now() },
        ...(request.afterFile ? { afterFile: request.afterFile } : {})
    });
    const files = results.map((result, i) => {
        const changed = byPath.get(result.path);
        const file = {
            path: result.path,
            kind: result.kind,
            text: inputs[i].text,
            findings: result.findings
        };
        const diff = changed ? diffOf(changed, request.wholeFiles === true) : undefined;
        if (diff)
            file.diff = diff;
        for (const error of result.errors)
            notes.push(`${result.path}: ${error}`);
        return file;
    });
    return { config, files, results, notes, reads, registry: rules.registry };
}


/***/ }),

/***/ 2079:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"http://json-schema.org/draft-07/schema#","title":"Core schema meta-schema","definitions":{"schemaArray":{"type":"array","minItems":1,"items":{"$ref":"#"}},"nonNegativeInteger":{"type":"integer","minimum":0},"nonNegativeIntegerDefault0":{"allOf":[{"$ref":"#/definitions/nonNegativeInteger"},{"default":0}]},"simpleTypes":{"enum":["array","boolean","integer","null","number","object","string"]},"stringArray":{"type":"array","items":{"type":"string"},"uniqueItems":true,"default":[]}},"type":["object","boolean"],"properties":{"$id":{"type":"string","format":"uri-reference"},"$schema":{"type":"string","format":"uri"},"$ref":{"type":"string","format":"uri-reference"},"$comment":{"type":"string"},"title":{"type":"string"},"description":{"type":"string"},"default":true,"readOnly":{"type":"boolean","default":false},"examples":{"type":"array","items":true},"multipleOf":{"type":"number","exclusiveMinimum":0},"maximum":{"type":"number"},"exclusiveMaximum":{"type":"number"},"minimum":{"type":"number"},"exclusiveMinimum":{"type":"number"},"maxLength":{"$ref":"#/definitions/nonNegativeInteger"},"minLength":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"pattern":{"type":"string","format":"regex"},"additionalItems":{"$ref":"#"},"items":{"anyOf":[{"$ref":"#"},{"$ref":"#/definitions/schemaArray"}],"default":true},"maxItems":{"$ref":"#/definitions/nonNegativeInteger"},"minItems":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"uniqueItems":{"type":"boolean","default":false},"contains":{"$ref":"#"},"maxProperties":{"$ref":"#/definitions/nonNegativeInteger"},"minProperties":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"required":{"$ref":"#/definitions/stringArray"},"additionalProperties":{"$ref":"#"},"definitions":{"type":"object","additionalProperties":{"$ref":"#"},"default":{}},"properties":{"type":"object","additionalProperties":{"$ref":"#"},"default":{}},"patternProperties":{"type":"object","additionalProperties":{"$ref":"#"},"propertyNames":{"format":"regex"},"default":{}},"dependencies":{"type":"object","additionalProperties":{"anyOf":[{"$ref":"#"},{"$ref":"#/definitions/stringArray"}]}},"propertyNames":{"$ref":"#"},"const":true,"enum":{"type":"array","items":true,"minItems":1,"uniqueItems":true},"type":{"anyOf":[{"$ref":"#/definitions/simpleTypes"},{"type":"array","items":{"$ref":"#/definitions/simpleTypes"},"minItems":1,"uniqueItems":true}]},"format":{"type":"string"},"contentMediaType":{"type":"string"},"contentEncoding":{"type":"string"},"if":{"$ref":"#"},"then":{"$ref":"#"},"else":{"$ref":"#"},"allOf":{"$ref":"#/definitions/schemaArray"},"anyOf":{"$ref":"#/definitions/schemaArray"},"oneOf":{"$ref":"#/definitions/schemaArray"},"not":{"$ref":"#"}},"default":true}');

/***/ })

};

//# sourceMappingURL=458.index.js.map