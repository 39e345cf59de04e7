"use strict";
exports.id = 428;
exports.ids = [428];
exports.modules = {

/***/ 8428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runTagsCli: () => (/* binding */ runTagsCli)
});

// UNUSED EXPORTS: TAGS_USAGE

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/tags/labels.ts
/** The OCI image labels every build gets, from the run and the payload's repository. */
function ociLabels(ctx, version) {
    return new Map([
        ['org.opencontainers.image.title', ctx.repo.name],
        ['org.opencontainers.image.description', ctx.repo.description],
        ['org.opencontainers.image.url', ctx.repo.htmlUrl],
        ['org.opencontainers.image.source', ctx.repo.htmlUrl],
        ['org.opencontainers.image.version', version],
        ['org.opencontainers.image.created', ctx.now.toISOString()],
        ['org.opencontainers.image.revision', ctx.sha],
        ['org.opencontainers.image.licenses', ctx.repo.license]
    ]);
}
/** metadata-action's label order: `String#localeCompare` under the runner's locale, `en-US`. */
const KEY_ORDER = new Intl.Collator('en-US');
/**
 * Merge custom `key=value` entries (already rendered) over the base labels: a later key wins, an
 * entry without `=` is skipped (reported through `skip`). Returns `key=value` lines sorted by key
 * the way metadata-action sorts them (`localeCompare`, in the `en-US` locale GitHub's runners
 * have: `alpha` < `com.example.B` < `org.opencontainers.\u2026` < `Zeta`), not by code point.
 */
function mergeLabels(base, custom, skip) {
    const merged = new Map(base);
    for (const entry of custom) {
        const at = entry.indexOf('=');
        if (at <= 0) {
            skip(entry);
            continue;
        }
        merged.set(entry.slice(0, at), entry.slice(at + 1));
    }
    return [...merged.keys()]
        .sort((a, b) => KEY_ORDER.compare(a, b))
        .map((key) => `${key}=${merged.get(key)}`);
}
/** Prefix annotations with each level (`manifest:key=value`), one copy per level. */
function withLevels(annotations, levels) {
    return levels.flatMap((level) => annotations.map((a) => `${level}:${a}`));
}
/** `key=value` lines as an object (the `json` output's `labels`). */
function labelObject(labels) {
    const out = {};
    for (const line of labels) {
        const at = line.indexOf('=');
        out[line.slice(0, at)] = line.slice(at + 1);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/tags/outputs.ts

/** The step outputs (metadata-action's names and shapes), lists joined with the configured separators. */
function formatOutputs(result, inputs) {
    return {
        version: result.version,
        tags: result.tags.join(inputs.sepTags),
        'tag-names': result.tagNames.join(inputs.sepTags),
        labels: result.labels.join(inputs.sepLabels),
        annotations: result.annotations.join(inputs.sepAnnotations),
        json: JSON.stringify(result.json)
    };
}
/**
 * The four bake files metadata-action writes, with its file names and content: one target named
 * `bake-target` holding the tags (and the `DOCKER_META_IMAGES` / `DOCKER_META_VERSION` args), the
 * labels, the annotations (one copy per level), and tags + labels + args together (`bake-file`).
 * `DOCKER_META_VERSION` is left out when there is no version, as metadata-action's JSON drops it.
 */
function bakeFiles(result, inputs) {
    const args = {
        DOCKER_META_IMAGES: result.images.join(','),
        DOCKER_META_VERSION: result.version === '' ? undefined : result.version
    };
    const labels = labelObject(result.labels);
    const file = (output, name, target) => ({
        output,
        file: `docker-metadata-action-bake${name}.json`,
        content: JSON.stringify({ target: { [inputs.bakeTarget]: target } }, null, 2)
    });
    return [
        file('bake-file-tags', '-tags', { tags: result.tags, args }),
        file('bake-file-labels', '-labels', { labels }),
        file('bake-file-annotations', '-annotations', { annotations: result.annotations }),
        file('bake-file', '', { tags: result.tags, labels, args })
    ];
}
/** The environment variable metadata-action exports an output as: `DOCKER_METADATA_OUTPUT_BAKE_FILE_TAGS`. */
function outputEnvName(output) {
    return `DOCKER_METADATA_OUTPUT_${output.replace(/\W/g, '_').toUpperCase()}`;
}

// EXTERNAL MODULE: ./node_modules/handlebars/lib/index.js
var lib = __webpack_require__(8508);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
// EXTERNAL MODULE: ./node_modules/moment-timezone/index.js
var moment_timezone = __webpack_require__(9856);
var moment_timezone_default = /*#__PURE__*/__webpack_require__.n(moment_timezone);
;// CONCATENATED MODULE: ./src/tags/expressions.ts


const hbs = lib_default().create();
/**
 * The global expressions usable in tag `value`/`prefix`/`suffix`/`enable` and in `labels` and
 * `annotations` entries: `{{branch}}`, `{{tag}}`, `{{sha}}`, `{{base_ref}}`, `{{is_default_branch}}`,
 * `{{is_not_default_branch}}`, `{{date 'fmt' tz='Zone'}}`, `{{commit_date 'fmt' tz='Zone'}}`.
 */
function expressionScope(ctx, shortShaLength) {
    return {
        branch: ctx.ref.startsWith('refs/heads/') ? ctx.ref.slice('refs/heads/'.length) : '',
        tag: ctx.ref.startsWith('refs/tags/') ? ctx.ref.slice('refs/tags/'.length) : '',
        sha: ctx.sha.slice(0, shortShaLength),
        base_ref: ctx.baseRef,
        is_default_branch: String(ctx.isDefaultBranch),
        is_not_default_branch: String(!ctx.isDefaultBranch)
    };
}
/** Render a template with the global expressions. `what` names the entry in error messages. */
function renderExpressions(template, ctx, shortShaLength, what) {
    return render(template, expressionScope(ctx, shortShaLength), dateHelpers(ctx), what);
}
/** Render a `type=schedule` pattern: only `{{date}}` and `{{commit_date}}` are available. */
function renderDates(template, ctx, what) {
    return render(template, {}, dateHelpers(ctx), what);
}
/** Render a template against plain values (semver/pep440 fields). */
function renderFields(template, fields, what) {
    return render(template, fields, {}, what);
}
function render(template, scope, helpers, what) {
    try {
        return hbs.compile(template, { noEscape: true })(scope, { helpers });
    }
    catch (e) {
        throw new Error(`${what}: cannot render "${template}": ${e.message}`, { cause: e });
    }
}
function dateHelpers(ctx) {
    return {
        date: formatDate(ctx.now),
        commit_date: formatDate(ctx.commitDate ?? ctx.now)
    };
}
/**
 * `{{date 'YYYYMMDD' tz='Asia/Tokyo'}}`: moment format, UTC by default. A format given without
 * quotes is read by Handlebars as a (missing) path and gives the ISO 8601 default, as upstream.
 */
function formatDate(when) {
    return (...args) => {
        const options = args[args.length - 1];
        const format = typeof args[0] === 'string' && args.length > 1 ? args[0] : undefined;
        const tz = typeof options.hash?.tz === 'string' ? options.hash.tz : 'UTC';
        if (!moment_timezone_default().tz.zone(tz))
            throw new Error(`unknown time zone "${tz}"`);
        return moment_timezone_default().tz(when, tz).format(format);
    };
}

// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/index.js
var pep440 = __webpack_require__(8898);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./node_modules/csv-parse/lib/sync.js + 8 modules
var sync = __webpack_require__(712);
;// CONCATENATED MODULE: ./src/tags/list.ts

/**
 * Split a list input (`images`, `tags`, `flavor`, `labels`, `annotations`) into entries: one entry
 * a line, blank lines and lines starting with `#` dropped. Each line is read as CSV exactly once
 * (quotes group a field that holds a comma), so `"pattern=^v\d{1,2}"` reaches the tag grammar
 * intact \u2014 metadata-action parses twice and loses it.
 */
function list_readList(text, input) {
    const entries = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        entries.push({ line, fields: csvFields(line, input) });
    }
    return entries;
}
function csvFields(line, input) {
    let rows;
    try {
        rows = (0,sync/* parse */.q)(line, { relax_quotes: true, relax_column_count: true, skip_empty_lines: true });
    }
    catch (e) {
        throw new Error(`${input}: cannot read entry "${line}": ${e.message}`, { cause: e });
    }
    return (rows[0] ?? []).map((f) => f.trim());
}
/**
 * A list entry as one text: the fields joined back with `,` (what `labels` and `annotations`
 * entries are, and what metadata-action hands on).
 */
function entryText(entry) {
    return entry.fields.join(',').trim();
}
/** Split `key=value` at the first `=`; the key is trimmed and lower-cased. */
function splitField(field) {
    const at = field.indexOf('=');
    if (at < 0)
        return undefined;
    return { key: field.slice(0, at).trim().toLowerCase(), value: field.slice(at + 1).trim() };
}

;// CONCATENATED MODULE: ./src/tags/tag.ts

const TAG_TYPES = [
    'schedule',
    'semver',
    'pep440',
    'match',
    'edge',
    'ref',
    'raw',
    'sha'
];
const REF_EVENTS = ['branch', 'tag', 'pr'];
/** Priority of each type when the entry gives none; higher runs first. */
const DEFAULT_PRIORITIES = {
    schedule: '1000',
    semver: '900',
    pep440: '900',
    match: '800',
    edge: '700',
    ref: '600',
    raw: '200',
    sha: '100'
};
const COMMON_ATTRS = ['type', 'enable', 'priority', 'prefix', 'suffix'];
/** Attributes each type accepts besides the common ones. Anything else is an error. */
const TYPE_ATTRS = {
    schedule: ['pattern'],
    semver: ['pattern', 'value', 'match'],
    pep440: ['pattern', 'value', 'match'],
    match: ['pattern', 'group', 'value'],
    edge: ['branch'],
    ref: ['event'],
    raw: ['value'],
    sha: ['format']
};
/** Parse the `tags` input: every entry, sorted by priority (highest first, input order kept on ties). */
function parseTags(text) {
    return sortByPriority(list_readList(text, 'tags').map(parseTagEntry));
}
/** Parse one `tags` entry given as text (a single line). */
function parseTag(line) {
    const [entry] = readList(line, 'tags');
    if (!entry)
        throw new Error('tags: empty entry');
    return parseTagEntry(entry);
}
function sortByPriority(entries) {
    return entries
        .map((entry, index) => ({ entry, index, priority: Number(entry.attrs.priority) }))
        .sort((a, b) => b.priority - a.priority || a.index - b.index)
        .map((x) => x.entry);
}
function parseTagEntry(entry) {
    const fail = (why) => {
        throw new Error(`tags entry "${entry.line}": ${why}`);
    };
    const attrs = {};
    for (const field of entry.fields.map(unquote)) {
        if (field === '')
            continue;
        const kv = splitField(field) ?? { key: 'value', value: field };
        if (kv.key in attrs)
            fail(`attribute "${kv.key}" is given twice`);
        attrs[kv.key] = kv.value;
    }
    const type = (attrs.type ?? 'raw').toLowerCase();
    if (!isTagType(type))
        fail(`unknown type "${attrs.type}" (known: ${TAG_TYPES.join(', ')})`);
    const tagType = type;
    delete attrs.type;
    const allowed = [...COMMON_ATTRS, ...TYPE_ATTRS[tagType]];
    for (const key of Object.keys(attrs)) {
        if (!allowed.includes(key)) {
            fail(`unknown attribute "${key}" for type=${tagType} (allowed: ${allowed.slice(1).join(', ')})`);
        }
    }
    attrs.priority ??= DEFAULT_PRIORITIES[tagType];
    if (!/^-?\d+$/.test(attrs.priority))
        fail(`priority must be a whole number, got "${attrs.priority}"`);
    attrs.enable ??= 'true';
    completeAttrs(tagType, attrs, fail);
    return { type: tagType, attrs, source: entry.line };
}
function completeAttrs(type, attrs, fail) {
    switch (type) {
        case 'schedule':
            if (!attrs.pattern)
                attrs.pattern = 'nightly';
            break;
        case 'semver':
        case 'pep440':
            if (!attrs.pattern)
                fail(`type=${type} needs a pattern attribute`);
            attrs.value ??= '';
            attrs.match ??= '';
            break;
        case 'match':
            if (!attrs.pattern)
                fail('type=match needs a pattern attribute');
            attrs.group ??= '0';
            if (!/^\d+$/.test(attrs.group))
                fail(`group must be a number, got "${attrs.group}"`);
            attrs.value ??= '';
            break;
        case 'edge':
            attrs.branch ??= '';
            break;
        case 'ref':
            if (!attrs.event)
                fail(`type=ref needs event=${REF_EVENTS.join('|')}`);
            attrs.event = attrs.event.toLowerCase();
            if (!REF_EVENTS.includes(attrs.event)) {
                fail(`unknown event "${attrs.event}" (known: ${REF_EVENTS.join(', ')})`);
            }
            if (attrs.event === 'pr')
                attrs.prefix ??= 'pr-';
            break;
        case 'raw':
            if (!attrs.value)
                fail('type=raw needs a value');
            break;
        case 'sha':
            attrs.prefix ??= 'sha-';
            attrs.format ??= 'short';
            if (attrs.format !== 'short' && attrs.format !== 'long') {
                fail(`format must be short or long, got "${attrs.format}"`);
            }
            break;
    }
}
function isTagType(type) {
    return TAG_TYPES.includes(type);
}
/**
 * Drop one level of surrounding double quotes. metadata-action users write `"""pattern=a{1,2}"""`
 * to survive its double CSV parse; read once, that leaves `"pattern=a{1,2}"`, which means the same.
 */
function unquote(field) {
    return field.length >= 2 && field.startsWith('"') && field.endsWith('"')
        ? field.slice(1, -1).trim()
        : field;
}
/** Is a semver/pep440 pattern exactly `{{raw}}` (spaces allowed)? Prereleases then keep the raw tag. */
function isRawStatement(pattern) {
    return /^\{\{\s*raw\s*\}\}$/.test(pattern.trim());
}

;// CONCATENATED MODULE: ./src/tags/version.ts




/** Parse `raw` under `scheme`; undefined when it is not a valid version there. */
function parseRelease(scheme, raw) {
    if (scheme === 'semver') {
        if (!semver_default().valid(raw))
            return undefined;
        const v = semver_default().parse(raw, { loose: true });
        if (!v)
            return undefined;
        return { scheme, raw, version: v.version, final: v.prerelease.length === 0 };
    }
    if (!pep440.valid(raw))
        return undefined;
    const v = pep440.explain(raw);
    const clean = pep440.clean(raw);
    if (!v || !clean)
        return undefined;
    const final = !v.is_prerelease && !v.is_postrelease && !v.is_devrelease;
    return { scheme, raw, version: clean, final };
}
/**
 * The tag a semver/pep440 `pattern` gives for a release. A release that is not final gives its
 * version (or the raw text for a `{{raw}}` pattern) whatever the pattern, so `{{major}}` never moves
 * to a prerelease.
 */
function renderRelease(release, pattern, what) {
    if (!release.final)
        return isRawStatement(pattern) ? release.raw : release.version;
    return renderFields(pattern, releaseFields(release), what);
}
function releaseFields(release) {
    if (release.scheme === 'semver') {
        return semver_default().parse(release.raw, { loose: true });
    }
    return {
        raw: release.raw,
        version: release.version,
        major: pep440.major(release.raw),
        minor: pep440.minor(release.raw),
        patch: pep440.patch(release.raw)
    };
}
/** Negative when a < b. Both must share a scheme. */
function compareReleases(a, b) {
    if (a.scheme === 'semver')
        return semver_default().compare(a.version, b.version, { loose: true });
    return pep440.compare(a.version, b.version);
}
/** Read a version under either scheme (semver first); for `existing-versions` and `latest` checks. */
function parseAnyRelease(text, prefer = 'semver') {
    const other = prefer === 'semver' ? 'pep440' : 'semver';
    return parseRelease(prefer, text) ?? parseRelease(other, text);
}
/** The final releases among `existing`, read under `scheme` (others are ignored). */
function finalsOf(scheme, existing) {
    return existing.flatMap((text) => {
        const r = parseRelease(scheme, text);
        return r?.final ? [r] : [];
    });
}
/** Is `current` at least as high as every final release in `existing`? */
function isHighest(current, existing) {
    return finalsOf(current.scheme, existing).every((e) => compareReleases(current, e) >= 0);
}
/**
 * Is the floating tag `pattern` gives for `current` (`1`, `1.2`) already owned by a higher final
 * release in `existing`? Then moving it to `current` would be a downgrade.
 */
function supersededBy(current, pattern, existing, what) {
    if (!current.final)
        return undefined;
    const mine = renderRelease(current, pattern, what);
    return finalsOf(current.scheme, existing).find((e) => compareReleases(e, current) > 0 && renderRelease(e, pattern, what) === mine);
}
/**
 * Does a tag name look like a release: a valid semver or PEP 440 version, or a bare numeric
 * version such as `1`, `1.2` or `v2`?
 */
function looksLikeRelease(name) {
    return /^v?\d+(\.\d+)*$/i.test(name) || semver_default().valid(name) !== null || pep440.valid(name) !== null;
}

;// CONCATENATED MODULE: ./src/tags/evaluate.ts


/** Does the entry's `enable` expression render to `true`? Anything but `true`/`false` is an error. */
function isEnabled(entry, ctx, opts) {
    const what = `tags entry "${entry.source}"`;
    const enable = renderExpressions(entry.attrs.enable, ctx, opts.shortShaLength, what).trim();
    if (enable !== 'true' && enable !== 'false') {
        throw new Error(`${what}: enable must be true or false, "${entry.attrs.enable}" gave "${enable}"`);
    }
    return enable === 'true';
}
/** Evaluate one entry against the context (metadata-action's per-type rules); undefined: nothing. */
function evaluateEntry(entry, ctx, opts) {
    const what = `tags entry "${entry.source}"`;
    const a = entry.attrs;
    const produced = (value, autoLatest, extra = {}) => value === '' ? undefined : { entry, value, autoLatest, fromBranch: false, ...extra };
    const tagName = ctx.ref.startsWith('refs/tags/') ? ctx.ref.slice('refs/tags/'.length) : '';
    const branch = ctx.ref.startsWith('refs/heads/') ? ctx.ref.slice('refs/heads/'.length) : '';
    switch (entry.type) {
        case 'schedule':
            return /schedule/.test(ctx.eventName)
                ? produced(renderDates(a.pattern, ctx, what), false)
                : undefined;
        case 'semver':
        case 'pep440': {
            if (tagName === '' && a.value === '')
                return undefined;
            const raw = a.value !== '' ? renderExpressions(a.value, ctx, opts.shortShaLength, what) : tagName;
            const release = readRelease(entry.type, raw, a.match, opts);
            if (!release)
                return undefined;
            return produced(renderRelease(release, a.pattern, what), release.final, { release });
        }
        case 'match': {
            if (tagName === '' && a.value === '')
                return undefined;
            const raw = a.value !== '' ? renderExpressions(a.value, ctx, opts.shortShaLength, what) : tagName;
            const found = raw.match(toRegExp(a.pattern, what));
            const value = found?.[Number(a.group)];
            if (value === undefined) {
                opts.warn(`${a.pattern} does not match ${raw} (group ${a.group}); ${what} gives no tag`);
                return undefined;
            }
            return produced(value, true);
        }
        case 'edge':
            return branch !== '' && branch === (a.branch || ctx.defaultBranch)
                ? produced('edge', false)
                : undefined;
        case 'ref':
            if (a.event === 'branch')
                return produced(branch, false, { fromBranch: true });
            if (a.event === 'tag')
                return produced(tagName, true);
            if (!ctx.ref.startsWith('refs/pull/'))
                return undefined;
            return produced(ctx.ref.slice('refs/pull/'.length).replace(/\/(merge|head)$/, ''), false);
        case 'raw':
            return produced(renderExpressions(a.value, ctx, opts.shortShaLength, what), false);
        case 'sha':
            return produced(a.format === 'long' ? ctx.sha : ctx.sha.slice(0, opts.shortShaLength), false);
    }
}
function readRelease(scheme, text, match, opts) {
    let raw = text;
    if (match !== '') {
        const found = raw.match(toRegExp(match, `match attribute "${match}"`));
        if (found?.[1] !== undefined)
            raw = found[1];
        else
            opts.warn(`${match} does not match ${raw}`);
    }
    raw = raw.replace(/\//g, '-');
    const release = parseRelease(scheme, raw);
    if (!release) {
        opts.warn(scheme === 'semver'
            ? `${raw} is not a valid semver. More info: https://semver.org/`
            : `${raw} does not conform to PEP 440. More info: https://peps.python.org/pep-0440/`);
    }
    return release;
}
/** A match pattern: `/re/flags` or a plain regular expression. */
function toRegExp(pattern, what) {
    const literal = /^\/(.+)\/([a-z]*)$/.exec(pattern);
    try {
        return literal ? new RegExp(literal[1], literal[2]) : new RegExp(pattern);
    }
    catch (e) {
        throw new Error(`${what}: invalid pattern: ${e.message}`, { cause: e });
    }
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/core/hash.ts
var hash = __webpack_require__(299);
;// CONCATENATED MODULE: ./src/tags/sanitize.ts

/** Docker's tag grammar. */
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const MAX_TAG_LENGTH = 128;
/** Length of the hash that keeps sanitized names apart. */
const HASH_LENGTH = 7;
/**
 * Map text onto the tag alphabet: accents are folded (`\u00fc` \u2192 `u`), then every run of characters
 * outside `[A-Za-z0-9_.-]` becomes one `-` (metadata-action's rule).
 */
function sanitizeChars(text) {
    return text
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .replace(/[^A-Za-z0-9_.-]+/g, '-');
}
/** First 7 hex characters of the SHA-256 of `text`. */
function shortHash(text) {
    return (0,hash/* sha256Hex */.f)(text).slice(0, HASH_LENGTH);
}
/**
 * Build a valid Docker tag from prefix + value + suffix: sanitize, strip leading `.`/`-`, and keep it
 * within 128 characters by cutting the value (prefix and suffix are kept whole while they leave
 * room; a prefix that does not, such as a rendered `{{branch}}-`, is cut as well). Returns undefined
 * when nothing valid is left.
 */
function composeTag(parts) {
    const whole = stripLeading(sanitizeChars(parts.prefix + parts.value + parts.suffix));
    const cleanValue = sanitizeChars(parts.value);
    const changed = cleanValue !== parts.value || (parts.prefix === '' && stripLeading(cleanValue) !== cleanValue);
    const hashed = parts.uniqueBy !== undefined && (changed || whole.length > MAX_TAG_LENGTH);
    if (!hashed && whole.length <= MAX_TAG_LENGTH) {
        return whole === '' ? undefined : { tag: whole, changed, truncated: false };
    }
    const prefix = stripLeading(sanitizeChars(parts.prefix));
    const value = prefix === '' ? stripLeading(cleanValue) : cleanValue;
    const tail = (hashed ? `-${shortHash(parts.uniqueBy ?? '')}` : '') + sanitizeChars(parts.suffix);
    const room = Math.max(0, MAX_TAG_LENGTH - tail.length);
    const head = room > prefix.length
        ? prefix + value.slice(0, room - prefix.length)
        : (prefix + value).slice(0, room);
    const tag = stripLeading(head + tail).slice(0, MAX_TAG_LENGTH);
    return tag === '' ? undefined : { tag, changed, truncated: prefix.length + value.length > room };
}
function stripLeading(text) {
    return text.replace(/^[.-]+/, '');
}

;// CONCATENATED MODULE: ./src/tags/guard.ts



/** Default `stable-tags`: names only releases and the default branch may produce. */
const DEFAULT_STABLE_TAGS = ['latest', 'stable', 'v[0-9]*', '[0-9]*'];
/** Tag namespaces of other builds that a branch push must not take over. */
const RESERVED_FOR_OTHERS = [/^pr-\d+$/i, /^sha-[0-9a-f]{7,40}$/i];
function stableTags(globs, defaultBranch, flavor) {
    const glob = globs.length > 0 ? picomatch_default()(globs, { nocase: true, dot: true }) : () => false;
    const branchNames = defaultBranch === '' ? [] : [defaultBranch, sanitizeChars(defaultBranch)];
    const defaults = new Set(branchNames.map((b) => b.toLowerCase()));
    const matches = (name) => name.toLowerCase() === 'latest' ||
        defaults.has(name.toLowerCase()) ||
        looksLikeRelease(name) ||
        glob(name);
    return {
        matches,
        isStableTag: (tag) => undecorated(tag, flavor).some(matches),
        branchCollides: (name) => matches(name) || RESERVED_FOR_OTHERS.some((re) => re.test(name))
    };
}
/** The tag, and the tag without the flavor prefix and/or suffix where it carries them. */
function undecorated(tag, flavor) {
    // As composeTag writes it: a tag never starts with `.` or `-` (`{{branch}}-` \u2192 `branch--`).
    const prefix = sanitizeChars(flavor.prefix).replace(/^[.-]+/, '');
    const suffix = sanitizeChars(flavor.suffix);
    const noPrefix = prefix !== '' && tag.startsWith(prefix) ? tag.slice(prefix.length) : tag;
    const noSuffix = suffix !== '' && tag.endsWith(suffix) ? tag.slice(0, -suffix.length) : tag;
    const bare = suffix !== '' && noPrefix.endsWith(suffix) ? noPrefix.slice(0, -suffix.length) : noPrefix;
    return [...new Set([tag, noPrefix, noSuffix, bare])].filter((t) => t !== '');
}
/** Parse the `stable-tags` input: one glob a line (`#` comments and blank lines ignored). */
function parseGlobList(text) {
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}

;// CONCATENATED MODULE: ./src/tags/compute.ts






const RELEASE_TYPES = new Set(['semver', 'pep440', 'match']);
/** Compute tags, labels and annotations for a run. Pure: everything comes in through the arguments. */
function computeTags(ctx, inputs) {
    const warnings = [];
    const opts = { shortShaLength: inputs.shortShaLength, warn: (m) => warnings.push(m) };
    const stable = stableTags(inputs.stableTags, ctx.defaultBranch, inputs.flavor);
    const existing = existingVersions(inputs.existingVersions, opts);
    const names = [];
    const dropped = [];
    let latest;
    if (ctx.pullRequest && ctx.prNumber === undefined && ctx.ref === '') {
        opts.warn(/^(?:pull_request|workflow_run$|issue_comment$)/.test(ctx.eventName)
            ? `${ctx.eventName}: the payload names no pull request number (a fork PR's workflow_run lists none), so there is no pr-<n> tag`
            : `event "${ctx.eventName}" is not known to run on a branch or tag a maintainer pushed: treated as a pull request (no stable tags, no branch or sha tag)`);
    }
    for (const entry of inputs.tags) {
        if (!isEnabled(entry, ctx, opts))
            continue;
        const produced = evaluateEntry(entry, ctx, opts);
        if (!produced)
            continue;
        latest ??= decideLatest(produced, ctx, inputs, existing, opts);
        const tag = tagOf(produced, ctx, inputs, stable, opts);
        if (tag === undefined)
            continue;
        const reason = holdBack(produced, tag, ctx, inputs, stable, existing);
        if (reason) {
            dropped.push({ tag, entry: entry.source, reason });
            opts.warn(`tag "${tag}" from tags entry "${entry.source}" dropped: ${reason}`);
            continue;
        }
        if (!names.includes(tag))
            names.push(tag);
    }
    const f = inputs.flavor;
    const latestTag = composeTag({
        prefix: f.prefixLatest ? f.prefix : '',
        value: 'latest',
        suffix: f.suffixLatest ? f.suffix : ''
    })?.tag;
    if (latest && latestTag && names.length > 0 && !names.includes(latestTag))
        names.push(latestTag);
    const version = names[0] ?? '';
    const render = (kind) => (entry) => renderExpressions(entry, ctx, inputs.shortShaLength, `${kind} entry "${entry}"`);
    const skip = (kind) => (entry) => opts.warn(`${kind} entry "${entry}" is not key=value; ignored`);
    const base = ociLabels(ctx, version);
    const labels = mergeLabels(base, inputs.labels.map(render('labels')), skip('labels'));
    const annotations = withLevels(mergeLabels(base, inputs.annotations.map(render('annotations')), skip('annotations')), inputs.annotationLevels);
    const tags = inputs.images.length > 0 ? inputs.images.flatMap((i) => names.map((n) => `${i}:${n}`)) : names;
    return {
        version,
        tags,
        tagNames: names,
        images: inputs.images,
        latest: latestTag !== undefined && names.includes(latestTag),
        labels,
        annotations,
        json: { tags, 'tag-names': names, labels: labelObject(labels), annotations },
        warnings,
        dropped,
        pullRequest: ctx.pullRequest
    };
}
/**
 * `latest` is decided by the first entry that yields a value: the flavor's `latest=true|false`, or
 * under `auto` that entry's type rule \u2014 narrowed by `latest-if-highest`, and never on a PR.
 */
function decideLatest(p, ctx, inputs, existing, opts) {
    const mode = inputs.flavor.latest;
    let latest = mode === 'true' || (mode === 'auto' && p.autoLatest);
    if (latest && mode === 'auto' && inputs.latestIfHighest) {
        const release = p.release ?? parseAnyRelease(p.value);
        if (!release?.final) {
            opts.warn(`latest-if-highest: "${p.value}" is not a final release version; latest not added`);
            latest = false;
        }
        else if (!isHighest(release, existing)) {
            opts.warn(`latest-if-highest: ${release.raw} is lower than an existing version; latest not added`);
            latest = false;
        }
    }
    if (latest && ctx.pullRequest) {
        opts.warn(`latest not added: ${ctx.eventName || 'pull request'} runs never get stable tags`);
        latest = false;
    }
    return latest;
}
/** Prefix + value + suffix as a valid Docker tag; branch names get the collision and uniqueness rules. */
function tagOf(p, ctx, inputs, stable, opts) {
    const what = `tags entry "${p.entry.source}"`;
    const part = (name) => name in p.entry.attrs
        ? renderExpressions(p.entry.attrs[name], ctx, inputs.shortShaLength, what)
        : inputs.flavor[name];
    const prefix = part('prefix');
    const suffix = part('suffix');
    if (!p.fromBranch) {
        const composed = composeTag({ prefix, value: p.value, suffix });
        if (!composed)
            opts.warn(`${what}: "${p.value}" leaves no valid tag; skipped`);
        return composed?.tag;
    }
    let value = p.value;
    const clean = sanitizeChars(value).replace(/^[.-]+/, '');
    if (!ctx.pullRequest && value !== ctx.defaultBranch && stable.branchCollides(clean)) {
        opts.warn(`branch "${value}" would take over the tag "${clean}"; tagged "branch-${clean}"`);
        value = `branch-${value}`;
    }
    const uniqueBy = inputs.uniqueBranchTags ? ctx.ref : undefined;
    const composed = composeTag({ prefix, value, suffix, uniqueBy }) ??
        composeTag({ prefix, value: `branch-${shortHash(ctx.ref)}`, suffix });
    return composed?.tag;
}
/** Why a produced tag must not be emitted, or undefined when it may. */
function holdBack(p, tag, ctx, inputs, stable, existing) {
    const event = ctx.eventName || 'this event';
    if (ctx.pullRequest && RELEASE_TYPES.has(p.entry.type)) {
        return `type=${p.entry.type} makes release tags, and ${event} is a pull-request run`;
    }
    if (ctx.pullRequest && stable.isStableTag(tag)) {
        return `"${tag}" is a stable tag (stable-tags), and ${event} is a pull-request run`;
    }
    const baseShaTags = [`sha-${ctx.sha.slice(0, inputs.shortShaLength)}`, `sha-${ctx.sha}`];
    if (ctx.shaIsBaseCommit && (p.entry.type === 'sha' || baseShaTags.includes(tag))) {
        return `on ${event} the commit is the base branch's, so this sha tag would overwrite the base build's`;
    }
    if (inputs.latestIfHighest && p.release) {
        const newer = supersededBy(p.release, p.entry.attrs.pattern, existing, p.entry.source);
        if (newer)
            return `latest-if-highest: "${tag}" stays on the higher release ${newer.raw}`;
    }
    return undefined;
}
function existingVersions(versions, opts) {
    return versions.filter((v) => {
        const ok = parseAnyRelease(v) !== undefined;
        if (!ok)
            opts.warn(`existing-versions: "${v}" is not a version; ignored`);
        return ok;
    });
}

;// CONCATENATED MODULE: ./src/tags/context.ts
/** Event names that always concern a pull request. */
const PR_EVENTS = /^pull_request/;
/**
 * Events that GitHub runs on a ref someone with write access chose (a push, a release, a dispatch,
 * the default branch): they may produce stable tags when the ref is a branch or a tag. Every other
 * event name \u2014 unknown, misspelt, or one whose payload can be about a pull request's commit
 * (`check_run`, `check_suite`, `status`) \u2014 is treated as a pull request.
 */
const TRUSTED_EVENTS = new Set([
    'push',
    'create',
    'delete',
    'release',
    'schedule',
    'workflow_dispatch',
    'repository_dispatch',
    'registry_package',
    'deployment',
    'deployment_status',
    'page_build',
    'issues',
    'discussion',
    'discussion_comment',
    'label',
    'milestone',
    'watch',
    'fork',
    'gollum',
    'public',
    'branch_protection_rule',
    'project',
    'project_card',
    'project_column'
]);
/** A merge queue's temporary branch holds pull-request code that is not merged yet. */
const MERGE_QUEUE_BRANCH = /^(?:refs\/heads\/)?gh-readonly-queue\//;
/**
 * Build the context from the runner environment (`GITHUB_*`, `DOCKER_METADATA_PR_HEAD_SHA`) and the
 * parsed event payload. Pure: the caller reads the payload file and the clock.
 *
 * A run is a pull-request run unless the event and its payload prove otherwise (see
 * {@link pullRequestOf}); a pull-request run never gets a stable tag.
 */
function buildContext(env, payload, now) {
    const p = asRecord(payload);
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const githubRef = env.GITHUB_REF ?? '';
    const repository = asRecord(p.repository);
    const defaultBranch = str(repository.default_branch);
    const pr = pullRequestOf(eventName, githubRef, p);
    const headShaMode = (env.DOCKER_METADATA_PR_HEAD_SHA ?? '').toLowerCase() === 'true';
    let ref = githubRef;
    let sha = env.GITHUB_SHA ?? '';
    let shaIsBaseCommit = false;
    if (pr.onBase) {
        // The workflow runs on the base branch (or on a ref we cannot vouch for): follow the PR instead,
        // like metadata-action does for pull_request_target, and never pass that commit off as the PR's.
        ref = pr.number !== undefined ? `refs/pull/${pr.number}/merge` : '';
        shaIsBaseCommit = true;
    }
    if (headShaMode && pr.headSha) {
        sha = pr.headSha;
        shaIsBaseCommit = false;
    }
    const pullRequest = pr.is || ref.startsWith('refs/pull/');
    return {
        eventName,
        ref,
        githubRef,
        sha,
        pullRequest,
        shaIsBaseCommit,
        prNumber: pr.number ?? prNumberOfRef(ref),
        baseRef: baseRefOf(ref, p),
        defaultBranch,
        // A pull-request run is never "on the default branch", whatever ref it runs on.
        isDefaultBranch: !pullRequest && isDefaultBranch(eventName, ref, defaultBranch),
        commitDate: commitDateOf(sha, p),
        now,
        repo: repoInfo(env, repository)
    };
}
const NOT_A_PR = { is: false, onBase: false };
/**
 * Is this run about a pull request? Fails closed: only events that GitHub runs on a maintainer's
 * branch or tag (and whose payload says nothing of a pull request) are not.
 */
function pullRequestOf(eventName, githubRef, p) {
    const pull = asRecord(p.pull_request);
    // A pull-request event's ref is the PR's (`refs/pull/\u2026`) or the merge queue's; any other ref
    // (`pull_request_target`'s base branch, a hand-given `refs/heads/main`) is not the PR's code.
    if (eventName === 'merge_group')
        return { is: true, onBase: !MERGE_QUEUE_BRANCH.test(githubRef) };
    if (PR_EVENTS.test(eventName)) {
        return {
            is: true,
            onBase: eventName === 'pull_request_target' || !githubRef.startsWith('refs/pull/'),
            number: num(p.number) ?? num(pull.number),
            headSha: str(asRecord(pull.head).sha) || undefined
        };
    }
    if (eventName === 'workflow_run') {
        const run = asRecord(p.workflow_run);
        const prs = Array.isArray(run.pull_requests) ? run.pull_requests : [];
        if (prs.length === 0 && trustedTrigger(run, githubRef) && !pullRequestRef(githubRef))
            return NOT_A_PR;
        return {
            is: true,
            onBase: true,
            number: num(asRecord(prs[0]).number),
            headSha: str(run.head_sha) || undefined
        };
    }
    if (eventName === 'issue_comment') {
        const issue = asRecord(p.issue);
        const onIssue = 'issue' in p && issue.pull_request === undefined && !pullRequestRef(githubRef);
        return onIssue ? NOT_A_PR : { is: true, onBase: true, number: num(issue.number) };
    }
    if (pullRequestRef(githubRef))
        return { is: true, onBase: false };
    if (TRUSTED_EVENTS.has(eventName) && /^refs\/(?:heads|tags)\/./.test(githubRef))
        return NOT_A_PR;
    // Unknown or ambiguous: a pull request we cannot name.
    return { is: true, onBase: true };
}
/** A pull request's ref, or a merge queue's branch (pull-request code not merged yet). */
function pullRequestRef(ref) {
    return ref.startsWith('refs/pull/') || MERGE_QUEUE_BRANCH.test(ref);
}
/**
 * A `workflow_run`'s own trigger, from its payload: a trusted event on the branch the run tags (not
 * a merge queue's). `issue_comment` (on a PR or not: the payload does not say) and a chained
 * `workflow_run` (whose trigger is not in the payload) are not trusted.
 */
function trustedTrigger(run, githubRef) {
    const event = str(run.event);
    const branch = str(run.head_branch);
    // The run tags GITHUB_REF (the default branch); a trigger on another branch or a tag (a feature
    // push, a release) is other code under that name, so only a trigger on that same branch counts.
    const sameBranch = branch === '' || githubRef === `refs/heads/${branch}`;
    return TRUSTED_EVENTS.has(event) && !MERGE_QUEUE_BRANCH.test(branch) && sameBranch;
}
function prNumberOfRef(ref) {
    const m = /^refs\/pull\/(\d+)\//.exec(ref);
    return m ? Number(m[1]) : undefined;
}
function baseRefOf(ref, p) {
    if (ref.startsWith('refs/tags/'))
        return str(p.base_ref).replace(/^refs\/heads\//, '');
    if (ref.startsWith('refs/pull/'))
        return str(asRecord(asRecord(p.pull_request).base).ref);
    return '';
}
/**
 * metadata-action's `{{is_default_branch}}`: the branch equals the payload's default branch, or the
 * event is one GitHub always runs on the default branch (its payload may lack `repository`).
 */
function isDefaultBranch(eventName, ref, defaultBranch) {
    if (defaultBranch !== '' && ref.replace(/^refs\/heads\//, '') === defaultBranch)
        return true;
    return /create|discussion|issues|schedule/.test(eventName);
}
function commitDateOf(sha, p) {
    const commits = Array.isArray(p.commits) ? p.commits.map(asRecord) : [];
    const head = asRecord(p.head_commit);
    const hit = commits.find((c) => c.id === sha) ?? (head.id === sha ? head : undefined);
    const when = hit ? new Date(str(hit.timestamp)) : undefined;
    return when && !Number.isNaN(when.getTime()) ? when : undefined;
}
function repoInfo(env, repository) {
    const fullName = str(repository.full_name) || env.GITHUB_REPOSITORY || '';
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    return {
        name: str(repository.name) || fullName.slice(fullName.indexOf('/') + 1),
        htmlUrl: str(repository.html_url) || (fullName ? `${server}/${fullName}` : ''),
        description: str(repository.description),
        license: str(asRecord(repository.license).spdx_id)
    };
}
function asRecord(value) {
    return typeof value === 'object' && value !== null ? value : {};
}
function str(value) {
    return typeof value === 'string' ? value : '';
}
function num(value) {
    if (typeof value === 'number' && Number.isInteger(value))
        return value;
    if (typeof value === 'string' && /^\d+$/.test(value))
        return Number(value);
    return undefined;
}

;// CONCATENATED MODULE: ./src/tags/flavor.ts

const DEFAULT_FLAVOR = {
    latest: 'auto',
    prefix: '',
    prefixLatest: false,
    suffix: '',
    suffixLatest: false
};
/**
 * Parse the `flavor` input: lines of `latest=auto|true|false`, `prefix=<s>[,onlatest=true]`,
 * `suffix=<s>[,onlatest=true]`. `onlatest` applies to the prefix or suffix before it on its line.
 */
function parseFlavor(text) {
    const flavor = { ...DEFAULT_FLAVOR };
    for (const entry of list_readList(text, 'flavor')) {
        const fail = (why) => {
            throw new Error(`flavor entry "${entry.line}": ${why}`);
        };
        let last;
        for (const field of entry.fields) {
            const kv = splitField(field) ?? fail(`"${field}" is not key=value`);
            switch (kv.key) {
                case 'latest':
                    if (kv.value !== 'auto' && kv.value !== 'true' && kv.value !== 'false') {
                        fail(`latest must be auto, true or false, got "${kv.value}"`);
                    }
                    flavor.latest = kv.value;
                    break;
                case 'prefix':
                case 'suffix':
                    flavor[kv.key] = kv.value;
                    last = kv.key;
                    break;
                case 'onlatest': {
                    if (kv.value !== 'true' && kv.value !== 'false') {
                        fail(`onlatest must be true or false, got "${kv.value}"`);
                    }
                    if (!last)
                        fail('onlatest must follow prefix= or suffix= on the same line');
                    flavor[last === 'prefix' ? 'prefixLatest' : 'suffixLatest'] = kv.value === 'true';
                    break;
                }
                default:
                    fail(`unknown key "${kv.key}" (known: latest, prefix, suffix, onlatest)`);
            }
        }
    }
    return flavor;
}

;// CONCATENATED MODULE: ./src/tags/image.ts

/**
 * Parse the `images` input. A single line without `=` is a comma-separated list of names
 * (`a/one,b/two`); otherwise each line is `name=<n>[,enable=true|false]` or a bare name first.
 */
function parseImages(text) {
    const entries = list_readList(text, 'images');
    if (entries.length === 1 && entries[0].fields.every((f) => !f.includes('='))) {
        return entries[0].fields.filter((f) => f !== '').map((name) => checked(name, entries[0].line));
    }
    return entries.map((entry) => {
        const fail = (why) => {
            throw new Error(`images entry "${entry.line}": ${why}`);
        };
        let name;
        let enable = true;
        for (const field of entry.fields) {
            const kv = splitField(field) ?? { key: 'name', value: field };
            if (kv.key === 'name') {
                if (name !== undefined)
                    fail('more than one name');
                name = kv.value;
            }
            else if (kv.key === 'enable') {
                if (kv.value !== 'true' && kv.value !== 'false') {
                    fail(`enable must be true or false, got "${kv.value}"`);
                }
                enable = kv.value === 'true';
            }
            else {
                fail(`unknown key "${kv.key}" (known: name, enable)`);
            }
        }
        return { ...checked(name ?? '', entry.line), enable };
    });
}
function checked(name, line) {
    const fail = (why) => {
        throw new Error(`images entry "${line}": ${why}`);
    };
    if (name === '')
        fail('empty image name');
    if (/\s/.test(name))
        fail(`image name "${name}" contains whitespace`);
    const last = name.slice(name.lastIndexOf('/') + 1);
    if (last.includes(':') || name.includes('@')) {
        fail(`image name "${name}" must not carry a tag or digest (tags are computed)`);
    }
    return { name, enable: true };
}
/** The names to tag: enabled images, lower-cased (registries reject upper-case repository names). */
function imageNames(images) {
    return [...new Set(images.filter((i) => i.enable).map((i) => i.name.toLowerCase()))];
}

;// CONCATENATED MODULE: ./src/tags/inputs.ts





/**
 * Our tags when the `tags` input is empty \u2014 safe for a one-step setup: the branch, `pr-<n>`, X.Y.Z /
 * X.Y / X for a release tag, `sha-<7>` on every build, `latest` for the default branch.
 */
const DEFAULT_TAGS = [
    'type=ref,event=branch',
    'type=ref,event=pr',
    'type=semver,pattern={{version}}',
    'type=semver,pattern={{major}}.{{minor}}',
    'type=semver,pattern={{major}}',
    'type=sha',
    'type=raw,value=latest,enable={{is_default_branch}}'
].join('\n');
/** The action inputs this feature reads (names as in action.yml). */
const TAG_INPUT_NAMES = (/* unused pure expression or super */ null && ([
    'images',
    'tags',
    'flavor',
    'labels',
    'annotations',
    'sep-tags',
    'sep-labels',
    'sep-annotations',
    'stable-tags',
    'unique-branch-tags',
    'latest-if-highest',
    'existing-versions',
    'bake-target'
]));
/** Read and validate every tag input. Throws an Error naming the input and entry on bad input. */
function readTagInputs(input, env) {
    const text = (name) => (input(name) ?? '').trim();
    const tagsText = text('tags');
    const stable = text('stable-tags');
    return {
        images: imageNames(parseImages(text('images'))),
        tags: parseTags(tagsText === '' ? DEFAULT_TAGS : tagsText),
        flavor: parseFlavor(text('flavor')),
        labels: list_readList(text('labels'), 'labels').map(entryText),
        annotations: list_readList(text('annotations'), 'annotations').map(entryText),
        sepTags: separator(input('sep-tags')),
        sepLabels: separator(input('sep-labels')),
        sepAnnotations: separator(input('sep-annotations')),
        stableTags: stable === '' ? DEFAULT_STABLE_TAGS : parseGlobList(stable),
        uniqueBranchTags: bool(text('unique-branch-tags'), 'unique-branch-tags'),
        latestIfHighest: bool(text('latest-if-highest'), 'latest-if-highest'),
        existingVersions: text('existing-versions')
            .split(/[\s,]+/)
            .filter((v) => v !== ''),
        shortShaLength: shortShaLength(env.DOCKER_METADATA_SHORT_SHA_LENGTH),
        annotationLevels: (env.DOCKER_METADATA_ANNOTATIONS_LEVELS || 'manifest')
            .split(',')
            .map((l) => l.trim())
            .filter((l) => l !== ''),
        bakeTarget: text('bake-target') || 'docker-metadata-action',
        outputEnv: env.DOCKER_METADATA_SET_OUTPUT_ENV
            ? bool(env.DOCKER_METADATA_SET_OUTPUT_ENV.trim(), 'DOCKER_METADATA_SET_OUTPUT_ENV', true)
            : true
    };
}
function separator(value) {
    return value === undefined || value === '' ? '\n' : value;
}
function bool(value, name, numeric = false) {
    if (value === '')
        return false;
    if (/^true$/i.test(value) || (numeric && value === '1'))
        return true;
    if (/^false$/i.test(value) || (numeric && value === '0'))
        return false;
    throw new Error(`${name}: expected true or false, got "${value}"`);
}
function shortShaLength(value) {
    if (value === undefined || value === '')
        return 7;
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 40) {
        throw new Error(`DOCKER_METADATA_SHORT_SHA_LENGTH must be a number from 1 to 40, got "${value}"`);
    }
    return Number(value);
}

;// CONCATENATED MODULE: ./src/tags/run.ts




/** Build the context, read the inputs, compute. Does no I/O of its own. */
function runTags(sources) {
    const context = buildContext(sources.env, sources.payload, sources.now);
    const inputs = readTagInputs(sources.input, sources.env);
    const result = computeTags(context, inputs);
    return { context, inputs, result, outputs: formatOutputs(result, inputs) };
}
/** Read and parse the event payload file; no path means no payload. */
function loadPayload(path, readFile) {
    if (path === '')
        return {};
    let text;
    try {
        text = readFile(path);
    }
    catch (e) {
        throw new Error(`cannot read the event payload ${path}: ${e.message}`, { cause: e });
    }
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new Error(`the event payload ${path} is not JSON: ${e.message}`, { cause: e });
    }
}

;// CONCATENATED MODULE: ./src/tags/sources.ts
const SOURCE_NAMES = {
    github: 'GitHub Actions',
    gitlab: 'GitLab CI',
    jenkins: 'Jenkins'
};
/**
 * Which CI runs us, from its own variables: GitHub Actions (`GITHUB_ACTIONS`, `GITHUB_EVENT_NAME`,
 * `GITHUB_REF`), GitLab CI (`GITLAB_CI`, `CI_PIPELINE_SOURCE`, `CI_COMMIT_REF_NAME`, `CI_COMMIT_SHA`,
 * `CI_MERGE_REQUEST_IID`), Jenkins (`JENKINS_URL`, `JENKINS_HOME`, `BRANCH_NAME`, `CHANGE_ID`,
 * `TAG_NAME`), in that order; `undefined` when none.
 */
function detectSource(env) {
    const any = (...names) => names.some((n) => (env[n] ?? '') !== '');
    if (any('GITHUB_ACTIONS', 'GITHUB_EVENT_NAME', 'GITHUB_REF'))
        return 'github';
    if (any('GITLAB_CI', 'CI_PIPELINE_SOURCE', 'CI_COMMIT_REF_NAME', 'CI_COMMIT_SHA', 'CI_MERGE_REQUEST_IID')) {
        return 'gitlab';
    }
    if (any('JENKINS_URL', 'JENKINS_HOME', 'BRANCH_NAME', 'CHANGE_ID', 'TAG_NAME'))
        return 'jenkins';
    return undefined;
}
/**
 * GitLab's pipeline sources that run on a branch or tag someone with write access chose, and the
 * GitHub event that means the same. Every other source (`merge_request_event`,
 * `external_pull_request_event`, `pipeline`, `parent_pipeline`, `chat`, \u2026) keeps its own name and is
 * therefore treated as a pull request: a downstream or child pipeline cannot show what started it.
 */
const GITLAB_TRUSTED = {
    push: 'push',
    schedule: 'schedule',
    web: 'workflow_dispatch',
    api: 'workflow_dispatch',
    trigger: 'workflow_dispatch'
};
/** A GitLab CI job's predefined variables as a GitHub-shaped context. */
function gitlabContext(env) {
    const source = env.CI_PIPELINE_SOURCE ?? '';
    const mr = env.CI_MERGE_REQUEST_IID || env.CI_EXTERNAL_PULL_REQUEST_IID || '';
    const changeRequest = mr !== '' || source === 'merge_request_event' || source === 'external_pull_request_event';
    let event;
    let ref;
    if (changeRequest) {
        event = 'pull_request';
        ref = mr !== '' ? `refs/pull/${mr}/merge` : '';
    }
    else {
        event = GITLAB_TRUSTED[source] ?? source;
        const branch = env.CI_COMMIT_BRANCH || env.CI_COMMIT_REF_NAME || '';
        ref = env.CI_COMMIT_TAG
            ? `refs/tags/${env.CI_COMMIT_TAG}`
            : branch !== ''
                ? `refs/heads/${branch}`
                : '';
    }
    const sha = env.CI_COMMIT_SHA ?? '';
    const payload = defined({
        number: mr !== '' ? mr : undefined,
        repository: defined({
            default_branch: env.CI_DEFAULT_BRANCH,
            full_name: env.CI_PROJECT_PATH,
            name: env.CI_PROJECT_NAME,
            html_url: env.CI_PROJECT_URL,
            description: env.CI_PROJECT_DESCRIPTION
        }),
        pull_request: changeRequest
            ? {
                number: mr !== '' ? mr : undefined,
                head: defined({
                    ref: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME ||
                        env.CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME,
                    sha: env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA ||
                        env.CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_SHA
                }),
                base: defined({
                    ref: env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME ||
                        env.CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_NAME,
                    sha: env.CI_MERGE_REQUEST_TARGET_BRANCH_SHA ||
                        env.CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA
                })
            }
            : undefined,
        head_commit: env.CI_COMMIT_TIMESTAMP
            ? { id: sha, timestamp: env.CI_COMMIT_TIMESTAMP }
            : undefined
    });
    return {
        kind: 'gitlab',
        env: githubEnv(env, {
            event,
            ref,
            sha,
            repository: env.CI_PROJECT_PATH,
            server: env.CI_SERVER_URL
        }),
        payload,
        evidence: mr !== ''
            ? `CI_PIPELINE_SOURCE=${source}, merge request ${mr}`
            : `CI_PIPELINE_SOURCE=${source}`
    };
}
/**
 * A Jenkins (multibranch pipeline) build's variables as a GitHub-shaped context: `CHANGE_ID` is a
 * pull/merge request, `TAG_NAME` a tag build, `BRANCH_NAME` a branch build. A job with none of them
 * (a freestyle job) has no event: the CLI then asks for `--event-name` and `--ref`.
 */
function jenkinsContext(env) {
    const change = env.CHANGE_ID ?? '';
    let event = '';
    let ref = '';
    if (change !== '') {
        event = 'pull_request';
        ref = `refs/pull/${change}/merge`;
    }
    else if (env.TAG_NAME) {
        event = 'push';
        ref = `refs/tags/${env.TAG_NAME}`;
    }
    else if (env.BRANCH_NAME) {
        event = 'push';
        ref = `refs/heads/${env.BRANCH_NAME}`;
    }
    const url = /^https?:\/\//.test(env.GIT_URL ?? '')
        ? (env.GIT_URL ?? '').replace(/\.git$/, '')
        : undefined;
    const payload = defined({
        number: change !== '' ? change : undefined,
        repository: url ? { html_url: url, name: url.slice(url.lastIndexOf('/') + 1) } : undefined,
        pull_request: change !== ''
            ? {
                number: change,
                head: defined({ ref: env.CHANGE_BRANCH }),
                base: defined({ ref: env.CHANGE_TARGET })
            }
            : undefined
    });
    const evidence = change !== ''
        ? `CHANGE_ID=${change}`
        : env.TAG_NAME
            ? `TAG_NAME=${env.TAG_NAME}`
            : env.BRANCH_NAME
                ? `BRANCH_NAME=${env.BRANCH_NAME}`
                : 'no BRANCH_NAME, TAG_NAME or CHANGE_ID';
    return {
        kind: 'jenkins',
        env: githubEnv(env, { event, ref, sha: env.GIT_COMMIT ?? '' }),
        payload,
        evidence
    };
}
/** The `GITHUB_*` variables for a translated context; `DOCKER_METADATA_*` settings pass through. */
function githubEnv(env, ctx) {
    const settings = Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('DOCKER_METADATA_')));
    return {
        ...settings,
        GITHUB_EVENT_NAME: ctx.event,
        GITHUB_REF: ctx.ref,
        GITHUB_SHA: ctx.sha,
        GITHUB_REPOSITORY: ctx.repository,
        GITHUB_SERVER_URL: ctx.server
    };
}
/** The object without its `undefined` and `''` fields. */
function defined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
}

;// CONCATENATED MODULE: ./src/cli/tags.ts





/** Flags that take list text (newline-separated entries, as the action inputs); may repeat. */
const LIST_FLAGS = [
    'images',
    'tags',
    'flavor',
    'labels',
    'annotations',
    'stable-tags',
    'existing-versions'
];
const SEPARATOR_FLAGS = ['sep-tags', 'sep-labels', 'sep-annotations', 'bake-target'];
const SWITCH_FLAGS = ['unique-branch-tags', 'latest-if-highest'];
const CONTEXT_FLAGS = {
    'event-name': 'GITHUB_EVENT_NAME',
    ref: 'GITHUB_REF',
    sha: 'GITHUB_SHA',
    'event-path': 'GITHUB_EVENT_PATH',
    repository: 'GITHUB_REPOSITORY',
    'server-url': 'GITHUB_SERVER_URL'
};
const TAGS_USAGE = `Usage: docker-review tags [options]

Compute PR-safe image tags, OCI labels and annotations (docker/metadata-action compatible).
The run's context comes from the CI's variables \u2014 GitHub Actions (GITHUB_*), GitLab CI
(CI_PIPELINE_SOURCE, CI_COMMIT_*, CI_MERGE_REQUEST_IID, CI_DEFAULT_BRANCH, ...) or Jenkins
(BRANCH_NAME, TAG_NAME, CHANGE_ID, GIT_COMMIT) \u2014 and the context flags override them. With no
context at all the command exits 2. An event that is not a push, release, schedule or dispatch
on a branch or tag (unknown names included) is a pull request: it never gets a stable tag.

Context:
  --event-name <name>        push, pull_request, pull_request_target, merge_group, schedule, ...
                             (default with --ref alone: push, or pull_request for refs/pull/)
  --ref <ref>                refs/heads/<branch>, refs/tags/<tag> or refs/pull/<n>/merge
  --sha <sha>                the commit being built
  --event-path <file>        event payload JSON (default branch, PR data, repository)
  --repository <owner/name>  for labels when the payload has no repository
  --server-url <url>         default https://github.com
  --default-branch <name>    the default branch, when there is no payload

Configuration (same text as the action inputs; list flags take newline-separated
entries and may be repeated):
  --images <list>            image names; without them tags are bare names
  --tags <list>              type=ref,event=branch / type=semver,pattern={{version}} / ...
  --flavor <list>            latest=auto|true|false, prefix=..., suffix=...[,onlatest=true]
  --labels <list>            extra labels key=value
  --annotations <list>       extra annotations key=value
  --stable-tags <list>       globs a pull-request run must never produce
  --existing-versions <list> released versions, for --latest-if-highest
  --latest-if-highest        move latest / X / X.Y only for the highest release
  --unique-branch-tags       add a hash of the ref when a branch name had to be changed
  --sep-tags <s>, --sep-labels <s>, --sep-annotations <s>   separators (lines format)
  --bake-target <name>       target name in the bake files (default docker-metadata-action)

Output:
  --format lines|json|env    lines: one tag per line (default); json: one document
                             {"version","tags","labels","annotations"}; env: every output as
                             DOCKER_METADATA_OUTPUT_<NAME>='<value>', for sh's eval or '.'
  --bake-dir <dir>           write metadata-action's four bake files there (their paths are
                             the bake-file* outputs)
  --help

Exit status: 0 on success, 2 on a usage or input error or when there is no context.
`;
/** `docker-review tags \u2026`; `argv` holds the arguments after `tags`. Returns the exit code. */
function runTagsCli(argv, io) {
    let values;
    try {
        values = (0,external_node_util_.parseArgs)({
            args: argv,
            strict: true,
            allowPositionals: false,
            options: {
                ...Object.fromEntries(LIST_FLAGS.map((f) => [f, { type: 'string', multiple: true }])),
                ...Object.fromEntries(SEPARATOR_FLAGS.map((f) => [f, { type: 'string' }])),
                ...Object.fromEntries(SWITCH_FLAGS.map((f) => [f, { type: 'boolean' }])),
                ...Object.fromEntries(Object.keys(CONTEXT_FLAGS).map((f) => [f, { type: 'string' }])),
                'default-branch': { type: 'string' },
                'bake-dir': { type: 'string' },
                format: { type: 'string', default: 'lines' },
                help: { type: 'boolean', short: 'h' }
            }
        }).values;
    }
    catch (e) {
        io.stderr(`docker-review tags: ${e.message}\n\n${TAGS_USAGE}`);
        return 2;
    }
    if (values.help) {
        io.stdout(TAGS_USAGE);
        return 0;
    }
    const format = values.format;
    if (format !== 'lines' && format !== 'json' && format !== 'env') {
        io.stderr(`docker-review tags: --format must be lines, json or env, got "${format}"\n`);
        return 2;
    }
    try {
        const { env, payload: found, note } = resolveContext(values, io);
        if (note)
            io.stderr(`note: ${note}\n`);
        const payload = withDefaultBranch(found, values['default-branch']);
        const input = (name) => {
            const value = values[name];
            if (Array.isArray(value))
                return value.join('\n');
            if (typeof value === 'boolean')
                return String(value);
            return value;
        };
        const { result, inputs, outputs } = runTags({ env, payload, input, now: io.now() });
        for (const warning of result.warnings)
            io.stderr(`warning: ${warning}\n`);
        const bakeDir = values['bake-dir'];
        if (bakeDir !== undefined) {
            for (const bake of bakeFiles(result, inputs)) {
                const path = (0,external_node_path_.join)(bakeDir, bake.file);
                io.writeFile(path, bake.content);
                outputs[bake.output] = path;
            }
        }
        if (format === 'env') {
            for (const [name, value] of Object.entries(outputs)) {
                io.stdout(`${outputEnvName(name)}=${shellQuote(value)}\n`);
            }
        }
        else if (format === 'json') {
            const { version, tags, labels, annotations } = result;
            io.stdout(`${JSON.stringify({ version, tags, labels, annotations }, null, 2)}\n`);
        }
        else if (outputs.tags !== '') {
            io.stdout(`${outputs.tags}\n`);
        }
        return 0;
    }
    catch (e) {
        io.stderr(`docker-review tags: ${e.message}\n`);
        return 2;
    }
}
/**
 * The run's context: a detected CI's variables (GitHub's as they are; GitLab's and Jenkins' mapped
 * onto GitHub's events and refs), then the context flags over them. Throws when nothing says what
 * the run is \u2014 no event and no ref \u2014 rather than guess.
 */
function resolveContext(values, io) {
    const kind = detectSource(io.env);
    const mapped = kind === 'gitlab'
        ? gitlabContext(io.env)
        : kind === 'jenkins'
            ? jenkinsContext(io.env)
            : undefined;
    const env = mapped ? { ...mapped.env } : { ...io.env };
    for (const [flag, name] of Object.entries(CONTEXT_FLAGS)) {
        if (typeof values[flag] === 'string')
            env[name] = values[flag];
    }
    const flagRef = values.ref;
    if (!env.GITHUB_EVENT_NAME && flagRef) {
        if (/^refs\/pull\//.test(flagRef))
            env.GITHUB_EVENT_NAME = 'pull_request';
        else if (/^refs\/(?:heads|tags)\//.test(flagRef))
            env.GITHUB_EVENT_NAME = 'push';
    }
    if (!env.GITHUB_EVENT_NAME && !env.GITHUB_REF) {
        const why = kind === 'jenkins'
            ? `this Jenkins job sets none of BRANCH_NAME, TAG_NAME, CHANGE_ID (not a multibranch pipeline)`
            : `no GitHub Actions, GitLab CI or Jenkins variables found`;
        throw new Error(`no context to compute tags for: ${why}; pass --event-name and --ref`);
    }
    const payloadPath = values['event-path'];
    const payload = mapped && payloadPath === undefined
        ? mapped.payload
        : loadPayload(env.GITHUB_EVENT_PATH ?? '', (path) => io.readFile(path));
    const note = mapped &&
        `context from ${SOURCE_NAMES[mapped.kind]} (${mapped.evidence}): event ${env.GITHUB_EVENT_NAME || '(none)'}, ref ${env.GITHUB_REF || '(none)'}`;
    return { env, payload, note: note || undefined };
}
/** A POSIX shell single-quoted word. */
function shellQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** `--default-branch` goes where the action finds it: the payload's `repository.default_branch`. */
function withDefaultBranch(payload, defaultBranch) {
    if (defaultBranch === undefined)
        return payload;
    const p = (typeof payload === 'object' && payload !== null ? payload : {});
    const repository = (typeof p.repository === 'object' && p.repository !== null ? p.repository : {});
    return { ...p, repository: { ...repository, default_branch: defaultBranch } };
}


/***/ })

};
;
//# sourceMappingURL=428.start.js.map