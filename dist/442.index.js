export const id = 442;
export const ids = [442];
export const modules = {

/***/ 7442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runTagsStep: () => (/* binding */ runTagsStep)
});

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
 * have: `alpha` < `com.example.B` < `org.opencontainers.…` < `Zeta`), not by code point.
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
 * intact — metadata-action parses twice and loses it.
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
 * Map text onto the tag alphabet: accents are folded (`ü` → `u`), then every run of characters
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
    // As composeTag writes it: a tag never starts with `.` or `-` (`{{branch}}-` → `branch--`).
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
 * under `auto` that entry's type rule — narrowed by `latest-if-highest`, and never on a PR.
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
 * event name — unknown, misspelt, or one whose payload can be about a pull request's commit
 * (`check_run`, `check_suite`, `status`) — is treated as a pull request.
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
    // A pull-request event's ref is the PR's (`refs/pull/…`) or the merge queue's; any other ref
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
 * Our tags when the `tags` input is empty — safe for a one-step setup: the branch, `pr-<n>`, X.Y.Z /
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

;// CONCATENATED MODULE: ./src/tags/step.ts


/**
 * Compute the image tags for this run, write the bake files, and set the outputs `version`, `tags`,
 * `tag-names`, `labels`, `annotations`, `json`, `bake-file-tags`, `bake-file-labels`,
 * `bake-file-annotations` and `bake-file` — each also exported as `DOCKER_METADATA_OUTPUT_<NAME>`
 * unless `DOCKER_METADATA_SET_OUTPUT_ENV=false`, as metadata-action does. Throws an Error naming
 * the input and entry when the configuration is invalid.
 */
function runTagsStep(io) {
    const run = runTags({
        env: io.env,
        payload: loadPayload(io.env.GITHUB_EVENT_PATH ?? '', (path) => io.readFile(path)),
        input: (name) => readInput(io, name),
        now: io.now()
    });
    const { context: ctx, result } = run;
    io.info(`tags: event ${ctx.eventName || '(none)'}, ref ${ctx.ref || '(none)'}, sha ${ctx.sha || '(none)'}` +
        (ctx.pullRequest ? ' — pull-request run: stable tags are held back' : ''));
    for (const warning of result.warnings)
        io.warning(warning);
    const outputs = { ...run.outputs };
    for (const bake of bakeFiles(result, run.inputs)) {
        outputs[bake.output] = io.writeBakeFile(bake.file, bake.content);
    }
    for (const [name, value] of Object.entries(outputs)) {
        io.setOutput(name, value);
        if (run.inputs.outputEnv)
            io.exportVariable(outputEnvName(name), value);
    }
    io.info(result.tags.length > 0 ? `tags:\n${result.tags.join('\n')}` : 'tags: none');
    return result;
}
/** Separators are read untrimmed (a single space is a valid separator), like metadata-action. */
function readInput(io, name) {
    if (name.startsWith('sep-')) {
        const raw = io.env[`INPUT_${name.toUpperCase()}`];
        if (raw !== undefined && raw !== '')
            return raw;
    }
    return io.getInput(name);
}


/***/ })

};

//# sourceMappingURL=442.index.js.map