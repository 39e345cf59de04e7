export const id = 225;
export const ids = [225];
export const modules = {

/***/ 6401:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ hasVariable),
/* harmony export */   NQ: () => (/* binding */ scanVariables),
/* harmony export */   at: () => (/* binding */ maskVariables),
/* harmony export */   d9: () => (/* binding */ splitOutsideVariables),
/* harmony export */   rO: () => (/* binding */ withDefaults)
/* harmony export */ });
/**
 * Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`, nesting; `$$` is a literal `$`).
 * A value holding a variable is "unknown but present": rules never report it as missing,
 * untagged or invalid.
 */
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
/** Does the text hold a variable reference (outside `$$` escapes)? */
function hasVariable(text) {
    let i = text.indexOf('$');
    while (i !== -1 && i < text.length - 1) {
        const next = text[i + 1];
        if (next === '$')
            i = text.indexOf('$', i + 2);
        else if (next === '{' || NAME_START.test(next))
            return true;
        else
            i = text.indexOf('$', i + 1);
    }
    return false;
}
/** Scan every variable reference of a value, with Compose's syntax rules. */
function scanVariables(text) {
    const refs = [];
    let i = 0;
    while (i < text.length) {
        const at = text.indexOf('$', i);
        if (at === -1 || at === text.length - 1)
            break;
        const next = text[at + 1];
        if (next === '$') {
            i = at + 2;
            continue;
        }
        if (NAME_START.test(next)) {
            let j = at + 2;
            while (j < text.length && NAME_CHAR.test(text[j]))
                j++;
            refs.push({ start: at, end: j, name: text.slice(at + 1, j), operator: '', argument: '' });
            i = j;
            continue;
        }
        if (next !== '{') {
            i = at + 1;
            continue;
        }
        const close = matchingBrace(text, at + 1);
        if (close === -1) {
            return {
                refs,
                error: { start: at, end: text.length, message: `unterminated '\${' in '${text}'` }
            };
        }
        const inner = text.slice(at + 2, close);
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(inner);
        if (!m) {
            return {
                refs,
                error: {
                    start: at,
                    end: close + 1,
                    message: `invalid interpolation format '\${${inner}}' (expected \${NAME}, \${NAME:-default}, \${NAME:?error}, …; write $$ for a literal $)`
                }
            };
        }
        refs.push({
            start: at,
            end: close + 1,
            name: m[1],
            operator: m[2] ?? '',
            argument: m[3] ?? ''
        });
        // Defaults may hold nested references; check them too.
        if (m[3] && m[3].includes('$')) {
            const nested = scanVariables(m[3]);
            if (nested.error) {
                const offset = at + 2 + m[1].length + m[2].length;
                return {
                    refs,
                    error: {
                        start: nested.error.start + offset,
                        end: nested.error.end + offset,
                        message: nested.error.message
                    }
                };
            }
        }
        i = close + 1;
    }
    return { refs };
}
function matchingBrace(text, open) {
    let depth = 0;
    for (let j = open; j < text.length; j++) {
        const c = text[j];
        if (c === '{')
            depth++;
        else if (c === '}') {
            depth--;
            if (depth === 0)
                return j;
        }
    }
    return -1;
}
/**
 * The value with each variable replaced by its default where one is given (`${X:-8080}` → 8080)
 * and by `undefined` otherwise: `undefined` result = not statically known.
 */
function withDefaults(text) {
    if (!text.includes('$'))
        return text;
    const { refs, error } = scanVariables(text);
    if (error)
        return undefined;
    let out = '';
    let pos = 0;
    for (const r of refs) {
        if (r.operator !== ':-' && r.operator !== '-')
            return undefined;
        const arg = withDefaults(r.argument);
        if (arg === undefined)
            return undefined;
        out += text.slice(pos, r.start) + arg;
        pos = r.end;
    }
    return (out + text.slice(pos)).replace(/\$\$/g, '$');
}
/** Replace every variable reference with `placeholder` (to split values around them safely). */
function maskVariables(text, placeholder = '\u0000') {
    if (!text.includes('$'))
        return text;
    const { refs } = scanVariables(text);
    let out = '';
    let pos = 0;
    for (const r of refs) {
        out += text.slice(pos, r.start) + placeholder;
        pos = r.end;
    }
    return out + text.slice(pos);
}
/**
 * Split a value at `separator` where it is not inside a variable reference: `${DATA:-/srv/db}:/data`
 * is two parts, not three (a volume's `:` inside a default is part of the source).
 */
function splitOutsideVariables(text, separator) {
    if (!text.includes('$'))
        return text.split(separator);
    const { refs } = scanVariables(text);
    const parts = [];
    let from = 0;
    let ref = 0;
    for (let i = 0; i < text.length; i++) {
        while (ref < refs.length && refs[ref].end <= i)
            ref++;
        if (ref < refs.length && refs[ref].start <= i) {
            i = refs[ref].end - 1;
            continue;
        }
        if (text.startsWith(separator, i)) {
            parts.push(text.slice(from, i));
            from = i + separator.length;
            i = from - 1;
        }
    }
    parts.push(text.slice(from));
    return parts;
}


/***/ }),

/***/ 808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LL: () => (/* binding */ exposeError),
/* harmony export */   SC: () => (/* binding */ isIp),
/* harmony export */   eW: () => (/* binding */ isAllInterfaces),
/* harmony export */   jz: () => (/* binding */ parseLongPort),
/* harmony export */   nX: () => (/* binding */ parseShortPort)
/* harmony export */ });
/* harmony import */ var _interpolation_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6401);

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const MASK = '\u0000';
function isIp(text) {
    if (IPV4.test(text))
        return true;
    return isIpv6(text);
}
function isIpv6(text) {
    if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':') || text.includes(':::'))
        return false;
    if ((text.startsWith(':') && !text.startsWith('::')) ||
        (text.endsWith(':') && !text.endsWith('::')))
        return false;
    const doubles = text.split('::').length - 1;
    if (doubles > 1)
        return false;
    const groups = text.split(':').filter((g) => g !== '');
    const lastV4 = groups.length > 0 && groups[groups.length - 1].includes('.');
    if (lastV4 && !IPV4.test(groups[groups.length - 1]))
        return false;
    const hexGroups = lastV4 ? groups.slice(0, -1) : groups;
    if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)))
        return false;
    const count = hexGroups.length + (lastV4 ? 2 : 0);
    return doubles === 1 ? count <= 7 : count === 8;
}
/** `0.0.0.0`, `::`, `[::]` and '' (absent) all mean every interface. */
function isAllInterfaces(ip) {
    return ip === '' || ip === '0.0.0.0' || ip === '::' || ip === '*';
}
function parseRange(text, what) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(text);
    if (!m)
        return `invalid ${what} port '${text}'`;
    const start = Number(m[1]);
    const end = m[2] === undefined ? start : Number(m[2]);
    if (start > 65535 || end > 65535)
        return `${what} port '${text}' is out of range (0-65535)`;
    if (end < start)
        return `invalid ${what} port range '${text}'`;
    return { start, end };
}
/** Short syntax (`"8080:80"`, `"127.0.0.1:8080:80/udp"`, `80`). */
function parseShortPort(value) {
    const raw = String(value).trim();
    const masked = (0,_interpolation_js__WEBPACK_IMPORTED_MODULE_0__/* .maskVariables */ .at)(raw, MASK);
    let protocol = 'tcp';
    let body = masked;
    const slash = masked.lastIndexOf('/');
    if (slash !== -1) {
        protocol = masked.slice(slash + 1).toLowerCase();
        body = masked.slice(0, slash);
    }
    const spec = { hostIp: '', published: null, target: undefined, protocol };
    if (!protocol.includes(MASK) && !PROTOCOLS.has(protocol)) {
        spec.error = `invalid protocol '${protocol}' (tcp, udp or sctp)`;
    }
    const parts = body.split(':');
    const n = parts.length;
    const targetText = parts[n - 1];
    const publishedText = n >= 2 ? parts[n - 2] : undefined;
    let ipText = n >= 3 ? parts.slice(0, n - 2).join(':') : '';
    if (ipText.startsWith('[') && ipText.endsWith(']'))
        ipText = ipText.slice(1, -1);
    if (ipText.includes(MASK))
        spec.hostIp = undefined;
    else {
        spec.hostIp = ipText;
        if (ipText !== '' && !isIp(ipText) && !spec.error)
            spec.error = `invalid host IP '${ipText}' in port mapping '${raw}'`;
    }
    if (targetText.includes(MASK))
        spec.target = undefined;
    else {
        const r = parseRange(targetText, 'container');
        if (typeof r === 'string')
            spec.error ??= r;
        else
            spec.target = r;
    }
    if (publishedText === undefined || publishedText === '')
        spec.published = null;
    else if (publishedText.includes(MASK))
        spec.published = undefined;
    else {
        const r = parseRange(publishedText, 'host');
        if (typeof r === 'string') {
            spec.error ??= r;
            spec.published = undefined;
        }
        else
            spec.published = r;
    }
    if (!spec.error &&
        spec.published &&
        spec.target &&
        spec.published.end - spec.published.start !== spec.target.end - spec.target.start &&
        spec.published.end !== spec.published.start &&
        spec.target.end !== spec.target.start) {
        spec.error = `host and container port ranges of '${raw}' differ in length`;
    }
    return spec;
}
/** Long syntax (`{target: 80, published: "8080", host_ip: 127.0.0.1, protocol: tcp}`). */
function parseLongPort(map) {
    const spec = { hostIp: '', published: null, target: undefined, protocol: 'tcp' };
    const text = (v) => v === undefined || v === null ? undefined : String(v);
    const target = text(map.target);
    if (target !== undefined && !(0,_interpolation_js__WEBPACK_IMPORTED_MODULE_0__/* .hasVariable */ .$u)(target)) {
        const r = parseRange(target, 'container');
        if (typeof r === 'string')
            spec.error = r;
        else
            spec.target = r;
    }
    const published = text(map.published);
    if (published !== undefined && published !== '') {
        if ((0,_interpolation_js__WEBPACK_IMPORTED_MODULE_0__/* .hasVariable */ .$u)(published))
            spec.published = undefined;
        else {
            const r = parseRange(published, 'host');
            if (typeof r === 'string') {
                spec.error ??= r;
                spec.published = undefined;
            }
            else
                spec.published = r;
        }
    }
    const ip = text(map.host_ip);
    if (ip !== undefined) {
        if ((0,_interpolation_js__WEBPACK_IMPORTED_MODULE_0__/* .hasVariable */ .$u)(ip))
            spec.hostIp = undefined;
        else {
            spec.hostIp = ip.replace(/^\[(.*)\]$/, '$1');
            if (spec.hostIp !== '' && !isIp(spec.hostIp))
                spec.error ??= `invalid host_ip '${ip}'`;
        }
    }
    const protocol = text(map.protocol);
    if (protocol !== undefined && !(0,_interpolation_js__WEBPACK_IMPORTED_MODULE_0__/* .hasVariable */ .$u)(protocol)) {
        spec.protocol = protocol.toLowerCase();
        if (!PROTOCOLS.has(spec.protocol))
            spec.error ??= `invalid protocol '${protocol}'`;
    }
    return spec;
}
/** `expose` entries: `"3000"`, `"3000-3005"`, `"3000/udp"`. */
function exposeError(value) {
    const raw = String(value).trim();
    if ((0,_interpolation_js__WEBPACK_IMPORTED_MODULE_0__/* .hasVariable */ .$u)(raw))
        return undefined;
    const m = /^([^/]+)(?:\/(.*))?$/.exec(raw);
    if (!m)
        return `invalid exposed port '${raw}'`;
    if (m[2] !== undefined && !PROTOCOLS.has(m[2].toLowerCase()))
        return `invalid protocol '${m[2]}' (tcp, udp or sctp)`;
    const r = parseRange(m[1], 'exposed');
    return typeof r === 'string' ? r : undefined;
}


/***/ }),

/***/ 2909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $C: () => (/* binding */ mayBeAlternatives),
/* harmony export */   Xu: () => (/* binding */ ownServices),
/* harmony export */   hX: () => (/* binding */ extendsTarget),
/* harmony export */   v8: () => (/* binding */ projectOf)
/* harmony export */ });
/* unused harmony exports BASE_NAMES, OVERRIDE_NAMES, loadFile, fileRole, includePaths, mergeVal */
/* harmony import */ var _parse_compose_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6791);
/* harmony import */ var _file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7944);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4781);
/* harmony import */ var _ports_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(808);
/* harmony import */ var _core_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6107);





const BASE_NAMES = [
    'compose.yaml',
    'compose.yml',
    'docker-compose.yml',
    'docker-compose.yaml'
];
const OVERRIDE_NAMES = [
    'compose.override.yaml',
    'compose.override.yml',
    'docker-compose.override.yml',
    'docker-compose.override.yaml'
];
const RESOURCE_KINDS = ['networks', 'volumes', 'secrets', 'configs', 'models'];
const MAX_INCLUDE_DEPTH = 8;
const projectCache = new WeakMap();
const parseCache = new WeakMap();
/**
 * Parsed files kept per workspace, most recently used last. Files are linted in path order, so a
 * project's files come together; a bound keeps a run over thousands of files from holding every
 * parsed document (the sibling and base-file caches below keep paths, not documents).
 */
const MAX_PARSED = 64;
function keep(files, path, entry) {
    files.delete(path);
    files.set(path, entry);
    if (files.size > MAX_PARSED)
        files.delete(files.keys().next().value);
}
/** The project of `doc` (cached per document and workspace). */
function projectOf(doc, workspace) {
    remember(workspace, doc);
    let byWorkspace = projectCache.get(doc);
    if (!byWorkspace) {
        byWorkspace = new WeakMap();
        projectCache.set(doc, byWorkspace);
    }
    let project = byWorkspace.get(workspace);
    if (!project) {
        project = buildProject(doc, workspace);
        byWorkspace.set(workspace, project);
    }
    return project;
}
/** Let later projects reuse a document the engine already parsed (when the text is the same). */
function remember(workspace, doc) {
    let files = parseCache.get(workspace);
    if (!files) {
        files = new Map();
        parseCache.set(workspace, files);
    }
    const known = files.get(doc.path);
    keep(files, doc.path, known ?? { text: doc.text, doc });
}
/**
 * Parse a workspace file once per workspace. `worth` may decline to parse a text not parsed yet
 * (undefined is returned then): for questions its text alone can answer.
 */
function loadFile(workspace, path, worth) {
    let files = parseCache.get(workspace);
    if (!files) {
        files = new Map();
        parseCache.set(workspace, files);
    }
    let text;
    try {
        text = workspace.readFile(path);
    }
    catch {
        return undefined;
    }
    if (text === undefined)
        return undefined;
    const cached = files.get(path);
    if (cached && cached.text === text) {
        keep(files, path, cached);
        return cached.doc;
    }
    if (worth && !worth(text))
        return undefined;
    const doc = (0,_parse_compose_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCompose */ .g)(path, text);
    keep(files, path, { text, doc });
    return doc;
}
/** A service definition that cannot run alone (no image, build, extends or provider). */
function isPartialService(value) {
    if (value.kind !== 'map')
        return true;
    return !['image', 'build', 'extends', 'provider'].some((k) => value.entries.has(k));
}
const VARIANT = /^(docker-)?compose[-._].+\.ya?ml$/;
function fileRole(model) {
    const name = (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .basename */ .P8)(model.doc.path);
    if (OVERRIDE_NAMES.includes(name) || /\.override\.ya?ml$/.test(name))
        return 'override';
    const services = [...model.services.values()];
    const partial = services.filter((e) => isPartialService(e.value)).length;
    if (BASE_NAMES.includes(name))
        return services.length > 0 && partial === services.length ? 'override' : 'base';
    if (VARIANT.test(name))
        return 'variant';
    return partial > 0 ? 'override' : 'base';
}
/**
 * The base file an override or variant adds to: beside it (unless it is base-named itself), else up
 * to two folders up (`overrides/compose.x.yaml`, `ci/case/compose.yaml`). When the file has partial
 * services, the base must define at least one of them.
 */
function findBase(workspace, doc, prefix, wanted) {
    const own = BASE_NAMES.includes((0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .basename */ .P8)(doc.path));
    let dir = (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .dirname */ .pD)(doc.path);
    for (let level = 0; level < 3; level++) {
        if (level > 0 || !own) {
            const candidate = findSibling(workspace, dir, BASE_NAMES, prefix);
            if (candidate && candidate.path !== doc.path) {
                const services = (0,_file_js__WEBPACK_IMPORTED_MODULE_1__/* .fileModel */ .q)(candidate).services;
                if (wanted.length === 0 || wanted.some((n) => services.has(n)))
                    return candidate;
            }
        }
        if (dir === '')
            break;
        dir = (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .dirname */ .pD)(dir);
    }
    return undefined;
}
/**
 * Which of the file's services a base must define to be its base: the partial ones; for a variant
 * with only complete services, any of them (a `docker-compose.prod.yml` defining other services
 * is an alternative, loaded on its own); an override by name takes its base as it is.
 */
function baseMustDefine(role, partial, model) {
    if (partial.length > 0)
        return partial;
    if (role === 'override')
        return [];
    return [...model.services.keys()];
}
const siblingCache = new WeakMap();
function findSibling(workspace, dir, names, prefer) {
    let cache = siblingCache.get(workspace);
    if (!cache) {
        cache = new Map();
        siblingCache.set(workspace, cache);
    }
    const key = `${dir}\u0000${names[0]}\u0000${prefer}`;
    const hit = cache.get(key);
    if (hit !== undefined) {
        // Re-read through loadFile so a changed text is noticed (it compares the text it gets).
        return hit === null ? undefined : (loadFile(workspace, hit) ?? undefined);
    }
    const found = searchSibling(workspace, dir, names, prefer);
    cache.set(key, found?.path ?? null);
    return found;
}
function searchSibling(workspace, dir, names, prefer) {
    const ordered = [
        ...names.filter((n) => n.startsWith(prefer)),
        ...names.filter((n) => !n.startsWith(prefer))
    ];
    for (const name of ordered) {
        const doc = loadFile(workspace, (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .join */ .fj)(dir, name));
        if (doc)
            return doc;
    }
    return undefined;
}
const baseFilesCache = new WeakMap();
/** The base-named compose files in `dir` that can be read (cached per workspace). */
function baseFilesIn(workspace, dir) {
    let cache = baseFilesCache.get(workspace);
    if (!cache) {
        cache = new Map();
        baseFilesCache.set(workspace, cache);
    }
    let paths = cache.get(dir);
    if (!paths) {
        paths = BASE_NAMES.map((name) => (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .join */ .fj)(dir, name)).filter((path) => {
            try {
                return workspace.readFile(path) !== undefined;
            }
            catch {
                return false;
            }
        });
        cache.set(dir, paths);
    }
    return paths;
}
/**
 * Can this text have a top-level `include:`? The key's letters are in the text, unless a double
 * quoted key spells them with `\x`, `\u` or `\U` escapes or splits the word with an escaped line
 * break (YAML's other escapes make no letters). A file that cannot is not parsed to find out: a
 * file three folders below a large compose file no longer costs a parse of it.
 */
const mayInclude = (text) => text.includes('include') || /\\(?:[xuU]|\s*$)/m.test(text);
/** A compose file up to three folders above that lists `path` under `include:`. */
function findIncluder(workspace, path) {
    let dir = (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .dirname */ .pD)(path);
    for (let level = 0; level < 3; level++) {
        for (const base of baseFilesIn(workspace, dir)) {
            if (base === path)
                continue;
            const doc = loadFile(workspace, base, mayInclude);
            if (doc && includeSet((0,_file_js__WEBPACK_IMPORTED_MODULE_1__/* .fileModel */ .q)(doc)).has(path))
                return doc;
        }
        if (dir === '')
            break;
        dir = (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .dirname */ .pD)(dir);
    }
    return undefined;
}
const sharedProjects = new WeakMap();
function buildProject(doc, workspace) {
    const includer = findIncluder(workspace, doc.path);
    if (!includer)
        return assemble(doc, doc, workspace);
    // Every file an includer pulls in belongs to the same project: build it once and share it, as
    // long as the copy of this file in it is this very text.
    let shared = sharedProjects.get(workspace);
    if (!shared) {
        shared = new WeakMap();
        sharedProjects.set(workspace, shared);
    }
    const cached = shared.get(includer);
    if (cached && cached.included.some((m) => (0,_file_js__WEBPACK_IMPORTED_MODULE_1__/* .sameFile */ .Vi)(m.doc, doc)))
        return cached;
    const project = assemble(includer, doc, workspace);
    shared.set(includer, project);
    return project;
}
/** The project rooted at `rootDoc`, with `current` standing in for its own path wherever it is read. */
function assemble(rootDoc, current, workspace) {
    const load = (path) => path === current.path ? current : loadFile(workspace, path);
    const rootModel = (0,_file_js__WEBPACK_IMPORTED_MODULE_1__/* .fileModel */ .q)(rootDoc);
    const name = (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .basename */ .P8)(rootDoc.path);
    const prefix = name.startsWith('docker-') ? 'docker-compose' : 'compose';
    const role = fileRole(rootModel);
    const partial = [...rootModel.services]
        .filter(([, e]) => isPartialService(e.value))
        .map(([n]) => n);
    const layers = [];
    let complete;
    const baseNamed = BASE_NAMES.includes(name);
    const base = role === 'base' && partial.length === 0
        ? undefined
        : findBase(workspace, rootDoc, prefix, baseMustDefine(role, partial, rootModel));
    if (base) {
        const baseModel = (0,_file_js__WEBPACK_IMPORTED_MODULE_1__/* .fileModel */ .q)(load(base.path) ?? base);
        layers.push(baseModel, rootModel);
        // A partial service the base does not define comes from yet another file (`-f a -f b -f c`).
        complete = partial.every((n) => baseModel.services.has(n));
    }
    else {
        layers.push(rootModel);
        if (baseNamed) {
            const override = findSibling(workspace, (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .dirname */ .pD)(rootDoc.path), OVERRIDE_NAMES, prefix);
            if (override)
                layers.push((0,_file_js__WEBPACK_IMPORTED_MODULE_1__/* .fileModel */ .q)(load(override.path) ?? override));
        }
        // A base-named file is loaded on its own: what it lacks is really missing.
        complete = baseNamed || (partial.length === 0 && role !== 'override');
    }
    const services = new Map();
    const resources = new Map(RESOURCE_KINDS.map((k) => [k, new Map()]));
    const addResources = (model, merge) => {
        if (!model.root)
            return;
        for (const kind of RESOURCE_KINDS) {
            const section = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(model.root, kind);
            if (section?.kind !== 'map')
                continue;
            const target = resources.get(kind);
            for (const [key, entry] of section.entries) {
                if (merge || !target.has(key))
                    target.set(key, entry);
            }
        }
    };
    for (const layer of layers) {
        addResources(layer, true);
        for (const [svcName, entry] of layer.services) {
            const existing = services.get(svcName);
            if (!existing) {
                if (entry.value.kind === 'map')
                    services.set(svcName, { name: svcName, layers: [entry], value: entry.value });
                continue;
            }
            existing.layers.push(entry);
            const merged = mergeVal(existing.value, entry.value, ['services', svcName]);
            // `name: !reset {}` in an override removes the service from the project.
            if (merged === undefined)
                services.delete(svcName);
            else if (merged.kind === 'map')
                existing.value = merged;
        }
    }
    // include: each included file brings its own services and resources (no merging with ours).
    const included = [];
    const seen = new Set(layers.map((l) => l.doc.path));
    const visit = (model, depth) => {
        if (depth > MAX_INCLUDE_DEPTH || !model.root)
            return;
        for (const path of includePaths(model)) {
            if (seen.has(path))
                continue;
            seen.add(path);
            const incDoc = load(path);
            if (!incDoc)
                continue;
            const inc = (0,_file_js__WEBPACK_IMPORTED_MODULE_1__/* .fileModel */ .q)(incDoc);
            included.push(inc);
            addResources(inc, false);
            for (const [svcName, entry] of inc.services) {
                if (!services.has(svcName) && entry.value.kind === 'map')
                    services.set(svcName, { name: svcName, layers: [entry], value: entry.value });
            }
            visit(inc, depth + 1);
        }
    };
    for (const layer of layers)
        visit(layer, 0);
    resolveExtends(services, workspace);
    const elsewhere = { services: new Set(), resources: new Set() };
    if (role !== 'base' || partial.length > 0) {
        const dir = (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .dirname */ .pD)(rootDoc.path);
        const taken = new Set([...layers, ...included].map((m) => m.doc.path));
        const others = [];
        for (const entry of workspace.listDir(dir) ?? []) {
            const path = (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .join */ .fj)(dir, entry);
            if (taken.has(path) || !(VARIANT.test(entry) || BASE_NAMES.includes(entry)))
                continue;
            const other = load(path);
            if (other)
                others.push(other);
        }
        // A variant stacked on a base it shares no service with (`-f compose.yaml -f extra.yaml`).
        const loose = base ? undefined : findBase(workspace, rootDoc, prefix, []);
        if (loose && !taken.has(loose.path))
            others.push(loose);
        for (const other of others) {
            const model = (0,_file_js__WEBPACK_IMPORTED_MODULE_1__/* .fileModel */ .q)(other);
            for (const n of model.services.keys())
                elsewhere.services.add(n);
            for (const kind of RESOURCE_KINDS) {
                const section = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(model.root, kind);
                if (section?.kind === 'map')
                    for (const k of section.entries.keys())
                        elsewhere.resources.add(`${kind}:${k}`);
            }
        }
    }
    return { layers, included, services, resources, complete, elsewhere };
}
const includeCache = new WeakMap();
const includeSets = new WeakMap();
function includeSet(model) {
    let set = includeSets.get(model);
    if (!set) {
        set = new Set(includePaths(model));
        includeSets.set(model, set);
    }
    return set;
}
/**
 * Two services of a project that no file defines together, where one of the files is `include:`d
 * or a variant (`compose.prod.yaml`): such files are often alternatives that are never started
 * together (a menu of mail catchers, a light and a full deployment), so a clash between the two
 * services is uncertain.
 */
function mayBeAlternatives(project, a, b) {
    const docsA = a.layers.map((e) => e.doc);
    const docsB = b.layers.map((e) => e.doc);
    if (docsA.some((x) => docsB.some((y) => (0,_file_js__WEBPACK_IMPORTED_MODULE_1__/* .sameFile */ .Vi)(x, y))))
        return false;
    const loose = (doc) => project.included.some((m) => (0,_file_js__WEBPACK_IMPORTED_MODULE_1__/* .sameFile */ .Vi)(m.doc, doc)) ||
        project.layers.some((m) => (0,_file_js__WEBPACK_IMPORTED_MODULE_1__/* .sameFile */ .Vi)(m.doc, doc) && fileRole(m) === 'variant');
    return [...docsA, ...docsB].some(loose);
}
/** Services with a definition in the file being linted (the only ones that can hold its findings). */
function ownServices(project, doc) {
    return [...project.services.values()].filter((s) => s.layers.some((l) => (0,_file_js__WEBPACK_IMPORTED_MODULE_1__/* .sameFile */ .Vi)(l.doc, doc)));
}
/** Paths of the `include:` entries of a file (short and long syntax), relative to its folder. */
function includePaths(model) {
    let paths = includeCache.get(model);
    if (!paths) {
        paths = computeIncludePaths(model);
        includeCache.set(model, paths);
    }
    return paths;
}
function computeIncludePaths(model) {
    const section = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(model.root, 'include');
    if (section?.kind !== 'seq')
        return [];
    const dir = (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .dirname */ .pD)(model.doc.path);
    const out = [];
    for (const item of section.items) {
        const paths = item.kind === 'map' ? (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(item, 'path') : item;
        const list = paths?.kind === 'seq' ? paths.items : paths ? [paths] : [];
        for (const p of list) {
            const text = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p);
            if (text && !text.includes('$'))
                out.push((0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .join */ .fj)(dir, text));
        }
    }
    return out;
}
/**
 * Apply `extends:` (same file or another file), innermost first; cycles are left alone. Each chain
 * is walked with a loop, not recursion: a chain of 100,000 services is resolved in linear time.
 */
function resolveExtends(services, workspace) {
    const done = new Set();
    const apply = (svc) => {
        const ext = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(svc.value, 'extends');
        const target = extendsTarget(ext);
        if (!target)
            return;
        let base;
        if (target.file) {
            const owner = ext.doc;
            base = externalService(workspace, (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .join */ .fj)((0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .dirname */ .pD)(owner.path), target.file), target.service);
        }
        else {
            const other = services.get(target.service);
            if (other && other !== svc)
                base = other.value;
        }
        if (!base)
            return;
        // Resolved all the way: the merged service no longer extends anything (as Compose loads
        // it). A chain that ends in a file outside the workspace keeps its `extends`.
        const merged = mergeVal(withoutKeys(base, ['extends']), svc.value, ['services', svc.name]);
        if (merged?.kind === 'map')
            svc.value = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(base, 'extends') ? merged : withoutKeys(merged, ['extends']);
    };
    for (const start of services.values()) {
        // Down the chain to a service already resolved, one in another file, or one seen on this
        // walk (a cycle: its service is merged as it stands); then resolve back up.
        const chain = [];
        const onChain = new Set();
        let svc = start;
        while (svc && !done.has(svc.name) && !onChain.has(svc.name)) {
            chain.push(svc);
            onChain.add(svc.name);
            const target = extendsTarget((0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(svc.value, 'extends'));
            if (!target || target.file)
                break;
            const other = services.get(target.service);
            svc = other !== svc ? other : undefined;
        }
        for (let k = chain.length - 1; k >= 0; k--) {
            apply(chain[k]);
            done.add(chain[k].name);
        }
    }
}
function extendsTarget(ext) {
    if (!ext)
        return undefined;
    if (ext.kind === 'scalar') {
        const service = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(ext);
        return service ? { service } : undefined;
    }
    const service = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(ext, 'service'));
    if (!service)
        return undefined;
    const file = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(ext, 'file'));
    return file ? { service, file } : { service };
}
function externalService(workspace, path, service, depth = 0) {
    const doc = loadFile(workspace, path);
    if (!doc)
        return undefined;
    const entry = (0,_file_js__WEBPACK_IMPORTED_MODULE_1__/* .fileModel */ .q)(doc).services.get(service);
    if (entry?.value.kind !== 'map')
        return undefined;
    const target = extendsTarget((0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(entry.value, 'extends'));
    if (!target || depth > MAX_INCLUDE_DEPTH)
        return entry.value;
    const base = target.file
        ? externalService(workspace, (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .join */ .fj)((0,_core_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .dirname */ .pD)(path), target.file), target.service, depth + 1)
        : target.service !== service
            ? externalService(workspace, path, target.service, depth + 1)
            : undefined;
    if (!base)
        return entry.value;
    const merged = mergeVal(withoutKeys(base, ['extends']), entry.value, ['services', service]);
    return merged?.kind === 'map' ? merged : entry.value;
}
function withoutKeys(map, keys) {
    if (!keys.some((k) => map.entries.has(k)))
        return map;
    const entries = new Map(map.entries);
    for (const k of keys)
        entries.delete(k);
    return { ...map, entries };
}
// ---------------------------------------------------------------------------------------------
// Compose's merge rules (compose-go `override`): maps merge key by key, most sequences append
// (keyed lists de-duplicate on their unique key), a few keys replace, `!reset` removes a value and
// `!override` replaces it wholesale.
/** Keys whose value replaces the base value instead of merging with it. */
const REPLACE = new Set(['command', 'entrypoint', 'test']);
/** Lists that Compose de-duplicates on a unique key while appending. */
const KEYED_LISTS = {
    ports: (item) => portIdentity(item),
    volumes: (item) => mountTarget(item),
    secrets: (item) => (item.kind === 'map' ? (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(item, 'source')) : (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(item)),
    configs: (item) => (item.kind === 'map' ? (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(item, 'source')) : (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(item)),
    expose: (item) => (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(item),
    dns: (item) => (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(item),
    cap_add: (item) => (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(item),
    cap_drop: (item) => (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(item),
    profiles: (item) => (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(item)
};
/** Lists that are maps in disguise (`- KEY=value` / `- name`): merged by name. */
const NAMED_LISTS = new Set(['depends_on', 'networks', 'environment', 'labels', 'annotations']);
/** Compose de-duplicates ports on host IP + target + published + protocol. */
function portIdentity(item) {
    let spec;
    if (item.kind === 'map') {
        spec = (0,_ports_js__WEBPACK_IMPORTED_MODULE_3__/* .parseLongPort */ .jz)({
            target: (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(item, 'target')),
            published: (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(item, 'published')),
            host_ip: (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(item, 'host_ip')),
            protocol: (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(item, 'protocol'))
        });
    }
    else {
        const text = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(item);
        if (text === undefined)
            return undefined;
        spec = (0,_ports_js__WEBPACK_IMPORTED_MODULE_3__/* .parseShortPort */ .nX)(text);
    }
    const r = (p) => p ? `${p.start}-${p.end}` : String(p);
    return `${spec.hostIp}|${r(spec.target)}|${r(spec.published)}|${spec.protocol}`;
}
function mountTarget(item) {
    if (item.kind === 'map')
        return (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .get */ .Jt)(item, 'target'));
    const text = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(item);
    if (!text)
        return undefined;
    const parts = text.split(':');
    return parts.length >= 2 ? parts[1] : parts[0];
}
function mergeVal(base, over, path) {
    if (over.tag === '!reset')
        return undefined;
    if (over.tag === '!override' || !base)
        return over;
    const key = path[path.length - 1];
    if (REPLACE.has(key) && path.length >= 3)
        return over;
    if (base.kind === 'map' && over.kind === 'map')
        return mergeMaps(base, over, path);
    if (NAMED_LISTS.has(key) && (base.kind !== 'scalar' || over.kind !== 'scalar')) {
        const b = asNamedMap(base, key);
        const o = asNamedMap(over, key);
        if (b && o)
            return mergeMaps(b, o, path);
    }
    if (base.kind === 'seq' && over.kind === 'seq')
        return mergeSeqs(base, over, key);
    return over;
}
function mergeMaps(base, over, path) {
    const entries = new Map(base.entries);
    for (const [k, e] of over.entries) {
        const prev = entries.get(k);
        const value = mergeVal(prev?.value, e.value, [...path, k]);
        if (value === undefined)
            entries.delete(k);
        else
            entries.set(k, value === e.value ? e : { ...e, value });
    }
    return { ...base, entries };
}
function mergeSeqs(base, over, key) {
    const keyOf = KEYED_LISTS[key];
    if (!keyOf)
        return { ...base, items: [...base.items, ...over.items] };
    const items = [];
    const index = new Map();
    for (const item of [...base.items, ...over.items]) {
        const k = keyOf(item);
        if (k === undefined) {
            items.push(item);
            continue;
        }
        const at = index.get(k);
        if (at === undefined) {
            index.set(k, items.length);
            items.push(item);
        }
        else
            items[at] = item;
    }
    return { ...base, items };
}
/** `[a, b]` / `["K=v"]` → a map value keyed by name (values: the item itself, or its map). */
function asNamedMap(val, key) {
    if (val.kind === 'map')
        return val;
    if (val.kind !== 'seq')
        return undefined;
    const entries = new Map();
    for (const item of val.items) {
        const text = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(item);
        if (text === undefined)
            continue;
        const name = key === 'environment' || key === 'labels' || key === 'annotations' ? text.split('=')[0] : text;
        entries.set(name, { key: name, keyNode: item.node, doc: item.doc, value: item, merged: false });
    }
    return { kind: 'map', doc: val.doc, node: val.node, entries };
}


/***/ }),

/***/ 6107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hi: () => (/* binding */ absolutePath),
/* harmony export */   P8: () => (/* binding */ basename),
/* harmony export */   Rw: () => (/* binding */ dirOf),
/* harmony export */   fj: () => (/* binding */ join),
/* harmony export */   pD: () => (/* binding */ dirname),
/* harmony export */   ts: () => (/* binding */ cleanPath),
/* harmony export */   uJ: () => (/* binding */ joinPath)
/* harmony export */ });
/**
 * The one POSIX path module: workspace-relative paths (compose projects, build contexts) and the
 * absolute paths inside an image (WORKDIR, COPY destinations). Pure; no `node:path`, so the core
 * stays portable.
 */
function dirname(path) {
    const i = path.lastIndexOf('/');
    return i === -1 ? '' : path.slice(0, i);
}
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/** Join and normalise (`a/b/../c` → `a/c`); an absolute `rel` wins. Leading `..` are kept. */
function join(dir, rel) {
    const combined = rel.startsWith('/') || dir === '' ? rel : `${dir}/${rel}`;
    const absolute = combined.startsWith('/');
    const out = [];
    for (const part of combined.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..' && out.length > 0 && out[out.length - 1] !== '..')
            out.pop();
        else
            out.push(part);
    }
    return (absolute ? '/' : '') + out.join('/');
}
/** POSIX dirname (`Dockerfile` → `.`). */
function dirOf(path) {
    const p = path.replace(/\\/g, '/');
    const slash = p.lastIndexOf('/');
    return slash <= 0 ? (slash === 0 ? '/' : '.') : p.slice(0, slash);
}
/** `dir` + `name` as a workspace path (`.` is the root). */
function joinPath(dir, name) {
    return dir === '.' || dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`;
}
/** Clean a context path as Docker does (`./a//b/` → `a/b`, `/a` → `a`); `.` for the root. */
function cleanPath(path) {
    const parts = [];
    for (const part of path.replace(/\\/g, '/').split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            parts.pop();
        else
            parts.push(part);
    }
    return parts.length === 0 ? '.' : parts.join('/');
}
/** An absolute path inside an image, normalised (`/a/./b/../c` → `/a/c`; `..` stops at `/`). */
function absolutePath(path) {
    const parts = [];
    for (const p of path.split('/')) {
        if (p === '' || p === '.')
            continue;
        if (p === '..')
            parts.pop();
        else
            parts.push(p);
    }
    return `/${parts.join('/')}`;
}


/***/ }),

/***/ 5924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ checkSafeFixes),
/* harmony export */   A: () => (/* binding */ needsIndex),
/* harmony export */   AU: () => (/* binding */ installedBefore),
/* harmony export */   Fl: () => (/* binding */ baseName),
/* harmony export */   K0: () => (/* binding */ packageOp),
/* harmony export */   OI: () => (/* binding */ lineageRuns),
/* harmony export */   br: () => (/* binding */ stageEffectOf),
/* harmony export */   t6: () => (/* binding */ laterRunNeedsIndex),
/* harmony export */   z9: () => (/* binding */ stageEffects)
/* harmony export */ });
/* unused harmony exports laterRuns, signature, swapSignature, undeclaredChange, swapIn, fixVerdict */
/* harmony import */ var _core_fixes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3124);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4011);
/* harmony import */ var _parse_dockerfile_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2817);
/* harmony import */ var _distro_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7707);




const APT = new Set(['apt', 'apt-get', 'aptitude']);
const APT_INSTALL = new Set(['install', 'reinstall', 'build-dep', 'source', 'download']);
const APT_UPGRADE = new Set(['upgrade', 'dist-upgrade', 'full-upgrade']);
const APT_REMOVE = new Set(['remove', 'purge', 'autoremove']);
const APT_CACHE_QUERY = new Set(['policy', 'show', 'madison', 'depends', 'rdepends', 'search']);
const APT_LISTS = /^\/var\/lib\/apt\/lists(\/\*?)?\/?$/;
const APK_CACHE = /^\/var\/cache\/apk(\/\*?)?\/?$/;
const HTTPS = /^["']?https:\/\//;
/** The command's name without a leading path. */
function baseName(cmd) {
    const slash = cmd.name.lastIndexOf('/');
    return slash === -1 ? cmd.name : cmd.name.slice(slash + 1);
}
function nonFlags(words) {
    return words.filter((w) => !w.value.startsWith('-')).map((w) => w.value);
}
/** The package-manager operation a command performs, if any. */
function packageOp(cmd) {
    const name = baseName(cmd);
    const args = nonFlags(cmd.args);
    const flags = cmd.args.filter((w) => w.value.startsWith('-')).map((w) => w.value);
    const op = (manager, kind, packages, fetchesIndex = false, failsWithoutIndex = false) => ({ manager, op: kind, packages, fetchesIndex, failsWithoutIndex, cmd });
    if (APT.has(name)) {
        const sub = args[0];
        const packages = args.slice(1);
        if (sub === 'update')
            return op('apt', 'update', [], true);
        // apt >= 3.0: `apt-get install --update` fetches the lists first.
        const fetches = flags.includes('--update');
        if (sub === 'dist-clean')
            return op('apt', 'drop-index', []);
        if (sub !== undefined && APT_INSTALL.has(sub)) {
            // Installing only local .deb files needs no index.
            if (packages.length > 0 && packages.every((p) => /\.deb$/.test(p)))
                return undefined;
            return op('apt', 'install', packages, fetches, packages.length > 0);
        }
        if (sub !== undefined && APT_UPGRADE.has(sub))
            return op('apt', 'install', []);
        if (sub !== undefined && APT_REMOVE.has(sub))
            return op('apt', 'remove', packages);
        return undefined;
    }
    // add-apt-repository refreshes the lists unless told not to (-n, --no-update).
    if (name === 'add-apt-repository' && !flags.some((f) => f === '-n' || f === '--no-update'))
        return op('apt', 'update', [], true);
    if (name === 'apt-cache' && APT_CACHE_QUERY.has(args[0] ?? ''))
        return op('apt', 'query', args.slice(1));
    if (name === 'apk') {
        const sub = args[0];
        // Flags behind a variable (`apk add ${APK_FLAGS} …`) may well be --no-cache: not judged.
        const fetches = flags.some((f) => f === '--no-cache' || f === '--update' || /^-[a-zA-Z]*U/.test(f)) ||
            cmd.args.some((w) => !w.literal && w.raw.startsWith('$'));
        const packages = args.slice(1);
        if (sub === 'update')
            return op('apk', 'update', [], true);
        if (sub === 'add')
            return op('apk', 'install', packages, fetches, packages.length > 0);
        if (sub === 'upgrade' || sub === 'fix')
            return op('apk', 'install', packages, fetches);
        if (sub === 'del')
            return op('apk', 'remove', packages);
        return undefined;
    }
    if (name === 'rm') {
        const paths = nonFlags(cmd.args);
        if (paths.some((p) => APT_LISTS.test(p)))
            return op('apt', 'drop-index', []);
        if (paths.some((p) => APK_CACHE.test(p)))
            return op('apk', 'drop-index', []);
    }
    return undefined;
}
/** Does an op need the index on disk (and not fetch its own)? */
function needsIndex(op) {
    return (op.op === 'install' || op.op === 'query') && !op.fetchesIndex;
}
function noCache(cmd) {
    return cmd.args.some((w) => w.value === '--no-cache' || !w.literal);
}
function downloadsHttps(cmd) {
    const name = baseName(cmd);
    if (name !== 'curl' && name !== 'wget' && name !== 'git')
        return false;
    return cmd.args.some((a) => HTTPS.test(a.value) || HTTPS.test(a.raw));
}
function bareIndexes(value) {
    return { apt: value, apk: value };
}
function runEffect(doc, inst, before) {
    const script = inst.json ? undefined : doc.shell(inst);
    const commands = script?.commands.filter((c) => c.name !== '') ?? [];
    const state = { ...before };
    const ops = [];
    const staleInstalls = [];
    // A cache or tmpfs mount over the index keeps the image's own copy untouched.
    const mounted = mountTargets(inst);
    for (const cmd of commands) {
        const op = packageOp(cmd);
        if (!op)
            continue;
        ops.push(op);
        // `apt-get install --update` and `apk add --update` leave a fresh index behind;
        // `apk add --no-cache` does not.
        const refreshes = op.op === 'update' || (op.fetchesIndex && !noCache(op.cmd));
        if (refreshes)
            state[op.manager] = 'present';
        else if (op.op === 'drop-index') {
            if (!mounted.some((m) => indexDir(op.manager).startsWith(m)))
                state[op.manager] = 'absent';
        }
        else if (op.failsWithoutIndex && !op.fetchesIndex && state[op.manager] === 'absent')
            staleInstalls.push(op);
    }
    return {
        inst,
        argv: commands.map((c) => c.words.map((w) => w.value)),
        commands,
        ops,
        indexBefore: before,
        indexAfter: state,
        staleInstalls,
        https: commands.some(downloadsHttps)
    };
}
function indexDir(manager) {
    return manager === 'apt' ? '/var/lib/apt/lists' : '/var/cache/apk';
}
function mountTargets(inst) {
    const out = [];
    for (const flag of inst.flags) {
        if (flag.name !== 'mount' || !flag.value)
            continue;
        const kv = new Map(flag.value.split(',').map((p) => {
            const eq = p.indexOf('=');
            return eq === -1 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)];
        }));
        const target = kv.get('target') ?? kv.get('dst') ?? kv.get('destination');
        if (target && (kv.get('type') === 'cache' || kv.get('type') === 'tmpfs'))
            out.push(target.replace(/\/+$/, ''));
    }
    return out;
}
function copyEffect(inst) {
    const args = inst.json ? inst.json.values : inst.args.map((a) => a.value);
    const flag = (name) => inst.flags.find((f) => f.name === name)?.value ?? undefined;
    return {
        keyword: inst.keyword,
        sources: args.slice(0, -1),
        destination: args[args.length - 1] ?? '',
        chown: flag('chown'),
        chmod: flag('chmod'),
        from: flag('from')
    };
}
const cache = new WeakMap();
/** The effect model of every stage, in order (computed once per document). */
function stageEffects(doc) {
    const known = cache.get(doc);
    if (known)
        return known;
    const out = [];
    const byStage = new Map();
    for (const stage of doc.stages) {
        const parent = stage.parent ? byStage.get(stage.parent) : undefined;
        const effect = {
            stage,
            base: parent ? parent.base : stage.image.expanded,
            family: (0,_distro_js__WEBPACK_IMPORTED_MODULE_2__/* .stageDistro */ ["in"])(stage).family,
            runs: [],
            env: new Map(parent?.env),
            user: parent?.user,
            workdir: parent?.workdir,
            shell: parent?.shell,
            copies: [],
            packages: {
                apt: {
                    installed: [...(parent?.packages.apt.installed ?? [])],
                    removed: [...(parent?.packages.apt.removed ?? [])]
                },
                apk: {
                    installed: [...(parent?.packages.apk.installed ?? [])],
                    removed: [...(parent?.packages.apk.removed ?? [])]
                }
            },
            indexes: parent ? { ...parent.indexes } : bareIndexes('unknown'),
            exposed: [...(parent?.exposed ?? [])],
            entrypoint: parent?.entrypoint,
            cmd: parent?.cmd,
            https: false
        };
        for (const inst of stage.instructions)
            apply(doc, effect, inst);
        byStage.set(stage, effect);
        out.push(effect);
    }
    cache.set(doc, out);
    return out;
}
function apply(doc, s, inst) {
    switch (inst.keyword) {
        case 'RUN': {
            const run = runEffect(doc, inst, s.indexes);
            s.runs.push(run);
            s.indexes = run.indexAfter;
            if (run.https)
                s.https = true;
            for (const op of run.ops) {
                if (op.op === 'install')
                    s.packages[op.manager].installed.push(...op.packages);
                if (op.op === 'remove')
                    s.packages[op.manager].removed.push(...op.packages);
            }
            return;
        }
        case 'ENV':
            for (const p of inst.properties)
                s.env.set(p.name, p.value ?? '');
            return;
        case 'USER':
            s.user = inst.text.trim();
            return;
        case 'WORKDIR': {
            const path = inst.text.trim().replace(/^["']|["']$/g, '');
            s.workdir =
                path.startsWith('/') || !s.workdir ? path : `${s.workdir.replace(/\/$/, '')}/${path}`;
            return;
        }
        case 'SHELL':
            s.shell = inst.json?.values;
            return;
        case 'COPY':
        case 'ADD': {
            const copy = copyEffect(inst);
            s.copies.push(copy);
            if (copy.keyword === 'ADD' && copy.sources.some((src) => HTTPS.test(src)))
                s.https = true;
            return;
        }
        case 'EXPOSE':
            s.exposed.push(...inst.args.map((a) => a.value));
            return;
        case 'ENTRYPOINT':
            s.entrypoint = inst.json ? JSON.stringify(inst.json.values) : inst.text.trim();
            return;
        case 'CMD':
            s.cmd = inst.json ? JSON.stringify(inst.json.values) : inst.text.trim();
            return;
        default:
            return;
    }
}
/** The effect model of the stage an instruction belongs to. */
function stageEffectOf(doc, inst) {
    const stage = (inst.onbuild ?? inst).stage;
    return stageEffects(doc).find((s) => s.stage === stage);
}
/** The RUNs whose layers a stage stands on: its ancestors' (root first), then its own. */
function lineageRuns(doc, stage) {
    const chain = [];
    for (let s = stage; s; s = s.parent)
        chain.unshift(s);
    const effects = stageEffects(doc);
    return chain.flatMap((s) => effects.find((e) => e.stage === s)?.runs ?? []);
}
/** Is `pkg` installed by a RUN command before file offset `before` in these runs? */
function installedBefore(runs, pkg, before) {
    for (const run of runs) {
        for (const op of run.ops) {
            if (op.cmd.start >= before)
                return false;
            if (op.op === 'install' && op.packages.some((p) => p === pkg || p.startsWith(`${pkg}=`)))
                return true;
        }
    }
    return false;
}
/**
 * RUNs after `inst` that build on its layers: the rest of its stage, then every stage built
 * `FROM` it (directly or through a chain).
 */
function laterRuns(doc, inst) {
    const effects = stageEffects(doc);
    const own = stageEffectOf(doc, inst);
    if (!own)
        return [];
    const out = own.runs.filter((r) => r.inst.index > inst.index);
    for (const s of effects) {
        for (let p = s.stage.parent; p; p = p.parent) {
            if (p === own.stage) {
                out.push(...s.runs);
                break;
            }
        }
    }
    return out;
}
/**
 * Does a RUN after `inst` use the manager's index without fetching it first in its own RUN?
 * Conditional commands count: they may run.
 */
function laterRunNeedsIndex(doc, inst, manager) {
    for (const run of laterRuns(doc, inst)) {
        for (const op of run.ops) {
            if (op.manager !== manager)
                continue;
            if (op.op === 'update' || op.op === 'drop-index')
                break;
            if (needsIndex(op))
                return true;
        }
    }
    return false;
}
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i;
const TARGET_PLATFORM = /^\$\{?TARGETPLATFORM\}?$/;
/** `$NAME` / `${NAME}` replaced from `env`; unknown names stay as written. */
function expandEnv(value, env) {
    return value.replace(/\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g, (m, a, b) => {
        const v = env.get(a ?? b);
        return v === undefined ? m : v;
    });
}
/**
 * What the build does, one line per effect, in build order: layout, quoting, comments, keyword
 * casing and instructions that are overridden before they take effect (an earlier CMD or
 * HEALTHCHECK) are gone. Equal signatures mean the same build.
 */
function signature(doc) {
    return signed(doc).lines;
}
const signatures = new WeakMap();
function signed(doc) {
    let known = signatures.get(doc);
    if (!known) {
        const spans = new Map();
        signatures.set(doc, (known = { lines: computeSignature(doc, undefined, spans), spans }));
    }
    return known;
}
/**
 * Keywords whose lines depend on nothing but the instruction (and, for COPY and ADD, the
 * environment before it) and that change nothing the lines of others depend on: swapping one for
 * another changes only its own lines.
 */
const NOT_LOCAL = new Set([
    'FROM',
    'ARG',
    'ENV',
    'WORKDIR',
    'CMD',
    'ENTRYPOINT',
    'HEALTHCHECK',
    'SHELL',
    'ONBUILD'
]);
/**
 * The signature of `doc` with `swap.next` in place of `swap.old`: the document's own signature
 * with the old instruction's lines replaced, when both are local (a safe fix usually edits one
 * RUN, COPY or LABEL: the file's signature is not made again for each); else computed whole.
 * `whole` always computes it whole (the reference the shortcut is tested against).
 */
function swapSignature(doc, swap, whole = false) {
    if (!whole && !NOT_LOCAL.has(swap.old.keyword) && !NOT_LOCAL.has(swap.next.keyword)) {
        const base = signed(doc);
        const span = base.spans.get(swap.old);
        const copies = swap.next.keyword === 'COPY' || swap.next.keyword === 'ADD';
        if (span && (span.env || !copies)) {
            const lines = [];
            emitLocal(doc, swap.next, span.at, span.env ?? new Map(), lines);
            return [...base.lines.slice(0, span.from), ...lines, ...base.lines.slice(span.to)];
        }
    }
    return computeSignature(doc, swap);
}
/** The lines of a local instruction (not NOT_LOCAL), appended to `out`. */
function emitLocal(doc, inst, at, env, out) {
    const line = (text) => void out.push({ text });
    const k = inst.keyword;
    if (k === 'RUN') {
        const flags = inst.flags
            .map((f) => f.name === 'mount' && f.value
            ? `--mount=${f.value.replace(/(^|,)from=([^,]*)/, (_m, c, r) => `${c}from=${stageRef(doc, r)}`)}`
            : f.raw)
            .sort();
        const argvs = runArgv(doc, inst);
        if (!argvs) {
            line(`${at} RUN ${flags.join(' ')} ${inst.json ? JSON.stringify(inst.json.values) : inst.text.trim()}`);
            return;
        }
        line(`${at} RUN ${flags.join(' ')}`.trimEnd());
        for (const argv of argvs)
            out.push({ text: `${at}   ${argv.join(' ')}`, argv });
    }
    else if (k === 'COPY' || k === 'ADD') {
        const c = copyEffect(inst);
        c.sources = c.sources.map((x) => expandEnv(unquoteWord(x), env));
        c.destination = expandEnv(unquoteWord(c.destination), env);
        c.from = c.from && stageRef(doc, c.from);
        // ADD of a local non-archive is a COPY; a URL or an archive is not.
        const add = c.keyword === 'ADD' &&
            c.sources.some((x) => /^[a-z]+:\/\//i.test(x) || ARCHIVE.test(x) || x.includes('$'));
        const dest = c.sources.length > 1 ? c.destination.replace(/(.)\/$/, '$1') : c.destination;
        const rest = inst.flags
            .filter((f) => !['chown', 'chmod', 'from'].includes(f.name))
            .map((f) => f.raw)
            .sort()
            .join(' ');
        line(`${at} ${add ? 'ADD' : 'COPY'} ${c.sources.join(' ')} -> ${dest} chown=${c.chown ?? ''} chmod=${c.chmod ?? ''} from=${c.from ?? ''} ${rest}`.trimEnd());
    }
    else if (k === 'EXPOSE') {
        // BuildKit keeps only the container port of `ip:host:container/proto`.
        const ports = inst.args.map((a) => a.value.toLowerCase().split(':').pop());
        line(`${at} EXPOSE ${ports.join(' ')}`);
    }
    else if (k === 'LABEL' || k === 'MAINTAINER') {
        const pairs = k === 'LABEL'
            ? inst.properties.map((p) => `${p.name}=${p.value ?? ''}`)
            : [`author=${inst.text.trim()}`];
        for (const p of pairs)
            out.push({ text: `${at} LABEL ${p}`, argv: [LABEL] });
    }
    else {
        line(`${at} ${k} ${inst.text.trim().replace(/\s+/g, ' ')}`);
    }
}
function computeSignature(doc, swap, spans) {
    const out = [];
    const line = (text) => void out.push({ text });
    const envAtEnd = new Map();
    const workdirAtEnd = new Map();
    for (const stage of doc.stages) {
        const at = `stage ${stage.index}`;
        const platform = stage.from.flags.find((f) => f.name === 'platform')?.value;
        const env = new Map(stage.parent ? envAtEnd.get(stage.parent) : []);
        let workdir = stage.parent ? workdirAtEnd.get(stage.parent) : undefined;
        const base = stage.parent ? `stage:${stage.parent.index}` : stage.image.expanded;
        line(`${at} FROM ${base}${platform && !TARGET_PLATFORM.test(platform) ? ` platform=${platform}` : ''}${stage.name ? ` AS ${stage.name}` : ''}`);
        const last = {};
        for (const listed of stage.instructions) {
            const inst = listed === swap?.old ? swap.next : listed;
            const k = inst.keyword;
            if (k === 'FROM')
                continue;
            const from = out.length;
            if (!NOT_LOCAL.has(k)) {
                emitLocal(doc, inst, at, env, out);
                const copies = k === 'COPY' || k === 'ADD';
                spans?.set(listed, { from, to: out.length, at, env: copies ? new Map(env) : undefined });
            }
            else if (k === 'ENV') {
                const before = new Map(env);
                for (const p of inst.properties) {
                    const value = expandEnv(p.value ?? '', before);
                    env.set(p.name, value);
                    out.push({ text: `${at} ENV ${p.name}=${value}`, argv: [ENV, p.name] });
                }
            }
            else if (k === 'WORKDIR') {
                const path = expandEnv(inst.text.trim().replace(/^["']|["']$/g, ''), env);
                const from = workdir ?? (rootImage(stage) === 'scratch' ? '/' : '<base>');
                workdir = normalPath(path.startsWith('/') ? path : `${from}/${path}`);
                line(`${at} WORKDIR ${workdir}`);
            }
            else if (k === 'CMD' || k === 'ENTRYPOINT' || k === 'HEALTHCHECK' || k === 'SHELL') {
                last[k] = inst.json
                    ? JSON.stringify(inst.json.values)
                    : inst.text.trim().replace(/\s+/g, ' ');
                if (k === 'SHELL')
                    line(`${at} SHELL ${last[k]}`);
            }
            else if (k === 'ONBUILD' && inst.trigger?.keyword === 'RUN' && runArgv(doc, inst.trigger)) {
                line(`${at} ONBUILD RUN ${inst.trigger.flags
                    .map((f) => f.raw)
                    .sort()
                    .join(' ')}`.trimEnd());
                for (const argv of runArgv(doc, inst.trigger))
                    out.push({ text: `${at} ONBUILD   ${argv.join(' ')}`, argv });
            }
            else if (k === 'ONBUILD' && inst.trigger) {
                const t = inst.trigger;
                const props = t.properties.map((p) => `${p.name}=${p.value ?? ''}`).join(' ');
                line(`${at} ONBUILD ${t.keyword} ${props || t.text.trim().replace(/\s+/g, ' ')}`);
            }
            else {
                // ARG, and an ONBUILD without a trigger.
                line(`${at} ${k} ${inst.text.trim().replace(/\s+/g, ' ')}`);
            }
        }
        for (const k of ['ENTRYPOINT', 'CMD', 'HEALTHCHECK'])
            if (k in last)
                line(`${at} ${k} ${last[k]}`);
        envAtEnd.set(stage, env);
        workdirAtEnd.set(stage, workdir);
    }
    return out;
}
const LABEL = '<label>';
/** `/opt/./a/../b/` → `/opt/b`. */
function normalPath(path) {
    const parts = [];
    for (const seg of path.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..')
            parts.pop();
        else
            parts.push(seg);
    }
    return path.startsWith('<base>') ? parts.join('/') : `/${parts.join('/')}`;
}
/** BuildKit reads COPY/ADD words like the shell: quotes go. */
function unquoteWord(word) {
    return /^"(.*)"$|^'(.*)'$/.test(word) ? word.slice(1, -1) : word;
}
/** `--from=<Name>` names a stage case-insensitively (or by index); anything else is an image. */
function stageRef(doc, ref) {
    const name = ref.toLowerCase();
    const stage = doc.stages.find((s) => s.name === name) ??
        (/^\d+$/.test(ref) ? doc.stages[Number(ref)] : undefined);
    return stage ? `stage:${stage.index}` : ref;
}
function rootImage(stage) {
    let s = stage;
    while (s.parent)
        s = s.parent;
    return s.image.expanded.toLowerCase();
}
const ENV = '<env>';
/**
 * A RUN's argv lists, undefined for exec form. Parsing the shell is the costly part of a
 * signature (the document keeps each RUN's parse, src/parse/shell.ts each text's); a signature is
 * computed again for each safe fix of the file, so the lists are kept per instruction.
 */
const argvOfInstruction = new WeakMap();
function runArgv(doc, inst) {
    if (inst.json)
        return undefined;
    if (argvOfInstruction.has(inst))
        return argvOfInstruction.get(inst);
    const script = doc.shell(inst);
    const argv = script?.commands.filter((c) => c.name !== '').map((c) => c.words.map((w) => w.value));
    argvOfInstruction.set(inst, argv);
    return argv;
}
function sameLines(a, b) {
    return a.length === b.length && a.every((l, i) => l.text === b[i].text);
}
function withArgv(l, argv) {
    const prefix = l.text.slice(0, l.text.indexOf('   ') + 3);
    return { text: `${prefix}${argv.join(' ')}`, argv };
}
function commandIs(argv, command) {
    return (argv !== undefined &&
        argv[0] !== undefined &&
        argv[0].slice(argv[0].lastIndexOf('/') + 1) === command);
}
/**
 * Every way the declared effect can account for `after`: `after` with the effect undone (labels
 * are left to the caller, which strips them on both sides).
 */
function undo(after, effect, at) {
    const replaced = (i, argv) => argv
        ? [...after.slice(0, i), withArgv(after[i], argv), ...after.slice(i + 1)]
        : [...after.slice(0, i), ...after.slice(i + 1)];
    switch (effect.kind) {
        case 'repair':
        case 'metadata':
            return [after];
        case 'each':
            return effect.effects.flatMap((e) => undo(after, e, at));
        case 'set-env':
            return [after.filter((l) => !(l.argv?.[0] === ENV && effect.names.includes(l.argv[1])))];
        case 'add-args':
            return after.flatMap((l, i) => {
                if (i !== at || !commandIs(l.argv, effect.command))
                    return [];
                const argv = [...l.argv];
                for (const a of effect.args) {
                    const k = argv.indexOf(a, 1);
                    if (k === -1)
                        return [];
                    argv.splice(k, 1);
                }
                return [replaced(i, argv)];
            });
        case 'append-command':
            return after.flatMap((l, i) => i === at && l.argv && l.argv.join('\0') === effect.argv.join('\0')
                ? [replaced(i, undefined)]
                : []);
        case 'replace-words':
            return after.flatMap((l, i) => {
                if (i !== at || !commandIs(l.argv, effect.to[0]))
                    return [];
                const argv = [...l.argv];
                let pos = 0;
                for (let j = 0; j < effect.from.length; j++) {
                    const k = j === 0 ? 0 : argv.indexOf(effect.to[j], pos);
                    if (k === -1)
                        return [];
                    // The command word keeps its path (`/usr/bin/apt-get` ← `/usr/bin/apt`).
                    argv[k] =
                        j === 0
                            ? argv[0].slice(0, argv[0].length - effect.to[0].length) + effect.from[0]
                            : effect.from[j];
                    pos = k + 1;
                }
                const extra = effect.to.slice(effect.from.length);
                if (extra.some((w, j) => argv[pos + j] !== w))
                    return [];
                argv.splice(pos, extra.length);
                return [replaced(i, argv)];
            });
    }
}
function withoutLabels(lines) {
    return lines.filter((l) => l.argv?.[0] !== LABEL);
}
/**
 * Does applying a fix change the build only as it declares? `before`/`after` are the documents
 * before and after the fix. Returns the first signature line that differs beyond the declared
 * effect, or undefined when the fix does what it says.
 */
function undeclaredChange(before, after, effect) {
    if (effect?.kind === 'repair')
        return undefined;
    return unexplained(signature(before), signature(after), effect);
}
function unexplained(b, a, effect) {
    const effects = effect?.kind === 'each' ? effect.effects : effect ? [effect] : [];
    const labels = effects.some((e) => e.kind === 'metadata');
    const base = labels ? withoutLabels(b) : b;
    let after = labels ? withoutLabels(a) : a;
    // Each effect accounts for one place: the first line that still differs, until none is left.
    const pending = [...effects];
    while (pending.length > 0) {
        let at = 0;
        while (at < base.length && at < after.length && base[at].text === after[at].text)
            at++;
        if (at === base.length && at === after.length)
            return undefined;
        const k = pending.findIndex((e) => undo(after, e, at).length > 0);
        const candidates = k === -1 ? [] : undo(after, pending[k], at);
        if (candidates.length === 0)
            return firstDifference(base, after);
        if (candidates.some((c) => sameLines(c, base)))
            return undefined;
        after = candidates[0];
        pending.splice(k, 1);
    }
    return firstDifference(base, after);
}
function firstDifference(a, b) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
        if (a[i]?.text !== b[i]?.text)
            return `${a[i]?.text.trim() ?? '(nothing)'} → ${b[i]?.text.trim() ?? '(nothing)'}`;
    }
    return undefined;
}
/** Keywords whose instruction shapes the stages, the scope or the shell of the others. */
const STRUCTURAL = new Set(['FROM', 'ARG', 'SHELL', 'ONBUILD']);
/**
 * The document after an edit confined to one instruction, as that instruction re-read alone: the
 * lines it spans, changed, parsed on their own (under the same escape character) and put in its
 * place — the signature of the whole file then needs no parse of the whole file (a file with 50
 * safe fixes was parsed 51 times). Undefined when the edit could reach past the instruction, and
 * the caller parses the whole text: the change spans more than one instruction's lines; the
 * instruction shapes the others (FROM, ARG, SHELL, ONBUILD) or has heredocs; the new text has a
 * heredoc marker, ends in a line continuation (or a blank or comment line), or does not read as
 * one instruction that shapes no other (a keyword may change: ADD → COPY, MAINTAINER → LABEL).
 */
function swapIn(doc, fix, text) {
    const before = doc.text;
    // The changed stretch: from the first edit's start to the last edit's end (`text` is `before`
    // with the fix applied, so everything outside it is unchanged).
    if (fix.edits.length === 0)
        return;
    let head = before.length;
    let end = 0;
    for (const e of fix.edits) {
        head = Math.min(head, doc.lines.offset(e.range.start));
        end = Math.max(end, doc.lines.offset(e.range.end));
    }
    const tail = before.length - end;
    const old = doc.instructions.find((i) => i.start <= head && before.length - tail <= i.end);
    if (!old || STRUCTURAL.has(old.keyword) || old.heredocs.length > 0 || old.trigger)
        return;
    const from = before.lastIndexOf('\n', old.start - 1) + 1;
    const nl = before.indexOf('\n', old.end);
    const to = (nl === -1 ? before.length : nl + 1) + text.length - before.length;
    if (head < from || to < text.length - tail)
        return;
    const lines = text.slice(from, to);
    // The instruction must end where the lines end: a last line that continues (or is blank or a
    // comment, which a continuation skips) would take in the lines after it.
    const last = lines
        .replace(/\r?\n$/, '')
        .split('\n')
        .pop()
        .trimEnd();
    if (lines.includes('<<') || last === '' || last.trimStart().startsWith('#'))
        return;
    if (last.endsWith(doc.escape))
        return;
    const header = doc.escape === '\\' ? '' : `# escape=${doc.escape}\n`;
    const alone = (0,_parse_dockerfile_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDockerfileSyntax */ .LH)(doc.path, header + lines).instructions;
    if (alone.length !== 1 || STRUCTURAL.has(alone[0].keyword) || alone[0].heredocs.length > 0)
        return;
    // A fresh instruction of a throwaway parse: it takes the place (stage, index) of the old one.
    const next = alone[0];
    next.stage = old.stage;
    next.index = old.index;
    return { old, next };
}
/**
 * Does a safe fix change the build only as it declares? The reason it does not, or undefined. By
 * default the edited instruction alone is re-read when that is enough (`swapIn`); `whole` parses
 * the whole fixed text (the reference the shortcut is tested against).
 */
function fixVerdict(doc, fix, whole = false) {
    const applied = (0,_core_fixes_js__WEBPACK_IMPORTED_MODULE_3__/* .applyFixes */ .yZ)(doc.text, [fix]);
    if (applied.applied.length !== 1)
        return 'the edits overlap';
    if (fix.effect?.kind === 'repair')
        return undefined;
    const swap = whole ? undefined : swapIn(doc, fix, applied.text);
    if (!swap)
        return undeclaredChange(doc, (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDockerfile */ .A)(doc.path, applied.text), fix.effect);
    return unexplained(signature(doc), swapSignature(doc, swap), fix.effect);
}
/**
 * The effect check: every safe fix of a Dockerfile is applied on its own and the effect model
 * before and after compared; a fix whose real effect differs from the one it declares is demoted
 * to unsafe, its description saying why in one line. Returns the findings (new objects for the
 * demoted ones) and the tally.
 */
function checkSafeFixes(doc, findings) {
    const check = { checked: 0, demoted: [] };
    const verdicts = new Map();
    const counted = new Set();
    const out = findings.map((f) => {
        const fix = f.fix;
        if (!fix?.safe)
            return f;
        let reason = verdicts.get(fix);
        if (!counted.has(fix)) {
            counted.add(fix);
            check.checked++;
        }
        if (!verdicts.has(fix)) {
            reason = fixVerdict(doc, fix);
            verdicts.set(fix, reason);
        }
        if (reason === undefined)
            return f;
        const demoted = {
            ...f,
            fix: {
                ...fix,
                safe: false,
                description: `${fix.description} Unsafe: it changes more than it declares (${reason}).`
            }
        };
        check.demoted.push(demoted);
        return demoted;
    });
    return { findings: out, check };
}


/***/ }),

/***/ 922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cw: () => (/* binding */ workdirBefore),
/* harmony export */   HP: () => (/* binding */ runsCalling),
/* harmony export */   Sq: () => (/* binding */ commandsMatching),
/* harmony export */   Xs: () => (/* binding */ runInstructions),
/* harmony export */   i2: () => (/* binding */ commandsNamed),
/* harmony export */   p6: () => (/* binding */ commandName),
/* harmony export */   uF: () => (/* binding */ isWindows),
/* harmony export */   ug: () => (/* binding */ cacheMountTargets),
/* harmony export */   yw: () => (/* binding */ madeEarlierInRun)
/* harmony export */ });
/* unused harmony export runCommands */
/* harmony import */ var _core_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6107);
/* harmony import */ var _parse_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2817);
/* harmony import */ var _stages_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9931);



/** RUN instructions in order; with `onbuild`, `ONBUILD RUN` triggers too (hadolint's `onbuild`). */
function runInstructions(doc, onbuild = true) {
    const out = [];
    for (const inst of doc.instructions) {
        if (inst.keyword === 'RUN')
            out.push(inst);
        else if (onbuild && inst.trigger?.keyword === 'RUN')
            out.push(inst.trigger);
    }
    return out;
}
/** Every shell command of every (shell-form) RUN. */
function runCommands(doc, onbuild = true) {
    const out = [];
    for (const inst of runInstructions(doc, onbuild)) {
        const script = doc.shell(inst);
        if (!script)
            continue;
        for (const cmd of script.commands)
            out.push({ inst, script, cmd });
    }
    return out;
}
/** The command's name without a leading path (`/usr/bin/apt-get` → `apt-get`). */
function commandName(cmd) {
    const name = cmd.name;
    const slash = name.lastIndexOf('/');
    return slash === -1 ? name : name.slice(slash + 1);
}
const cache = new WeakMap();
function runIndex(doc) {
    let index = cache.get(doc);
    if (index)
        return index;
    const commands = runCommands(doc, true);
    const byName = new Map();
    for (const rc of commands) {
        const name = commandName(rc.cmd);
        const list = byName.get(name);
        if (list)
            list.push(rc);
        else
            byName.set(name, [rc]);
    }
    index = { commands, byName };
    cache.set(doc, index);
    return index;
}
/** Commands called `name` (basename: `/usr/bin/yum` is `yum`), in file order. */
function commandsNamed(doc, ...names) {
    const byName = runIndex(doc).byName;
    if (names.length === 1)
        return byName.get(names[0]) ?? [];
    const out = [];
    for (const name of names)
        out.push(...(byName.get(name) ?? []));
    if (names.length > 1)
        out.sort((a, b) => a.cmd.start - b.cmd.start || a.cmd.index - b.cmd.index);
    return out;
}
/** Commands whose name satisfies `test` (e.g. every `pip*`), in file order. */
function commandsMatching(doc, test) {
    const out = [];
    for (const [name, list] of runIndex(doc).byName)
        if (test(name))
            out.push(...list);
    out.sort((a, b) => a.cmd.start - b.cmd.start || a.cmd.index - b.cmd.index);
    return out;
}
/** The RUN instructions (ONBUILD triggers included) that call one of `names`, in file order. */
function runsCalling(doc, ...names) {
    const out = [];
    for (const rc of commandsNamed(doc, ...names)) {
        if (out[out.length - 1] !== rc.inst)
            out.push(rc.inst);
    }
    return out;
}
/** BuildKit `RUN --mount=type=cache|tmpfs,target=…` targets of an instruction. */
function cacheMountTargets(inst) {
    const out = [];
    for (const flag of inst.flags) {
        if (flag.name !== 'mount' || !flag.value)
            continue;
        const opts = new Map(flag.value.split(',').map((kv) => {
            const eq = kv.indexOf('=');
            return eq === -1 ? [kv.trim(), ''] : [kv.slice(0, eq).trim(), kv.slice(eq + 1).trim()];
        }));
        const type = opts.get('type');
        if (type !== 'cache' && type !== 'tmpfs')
            continue;
        const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination');
        if (target)
            out.push(target.replace(/\/+$/, ''));
    }
    return out;
}
/**
 * The absolute WORKDIR in effect before `inst` from the WORKDIRs of its stage and the stages it is
 * built FROM: a path, null when none was set (the base image's applies), undefined when unknown (a
 * variable, a relative first WORKDIR, a Windows path) until an absolute WORKDIR sets it again.
 */
function workdirBefore(inst) {
    const top = inst.onbuild ?? inst;
    let dir = null;
    for (const stage of (0,_stages_js__WEBPACK_IMPORTED_MODULE_1__/* .lineage */ .OZ)(top.stage).reverse()) {
        for (const i of stage.instructions) {
            if (i === top)
                return dir;
            if (i.keyword !== 'WORKDIR')
                continue;
            const path = (0,_parse_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__/* .unquote */ ._n)(i.text.trim());
            if (/^[A-Za-z]:/.test(path))
                return undefined;
            if (path.includes('$'))
                dir = undefined;
            else if (path.startsWith('/'))
                dir = (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .absolutePath */ .Hi)(path);
            else
                dir = dir ? (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .absolutePath */ .Hi)(`${dir}/${path}`) : undefined;
        }
    }
    return undefined;
}
const WINDOWS_IMAGE = /(^|\/)(windows|nanoserver|servercore)([:/@]|$)|windows(servercore|nanoserver)/i;
const WINDOWS_SHELL = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i;
/** Does the instruction's stage build a Windows image (backtick escape, Windows base, PowerShell/cmd SHELL)? */
function isWindows(doc, inst) {
    if (doc.escape === '`')
        return true;
    const top = inst.onbuild ?? inst;
    if (WINDOWS_SHELL.test(doc.shellOf(top)[0] ?? ''))
        return true;
    return (0,_stages_js__WEBPACK_IMPORTED_MODULE_1__/* .lineage */ .OZ)(top.stage).some((s) => WINDOWS_IMAGE.test(s.image.expanded));
}
const TRAILING_SLASH = /(.)\/+$/;
/** `dir` names `made` or something inside it. */
function within(dir, made) {
    const a = dir.replace(TRAILING_SLASH, '$1');
    const b = made.replace(TRAILING_SLASH, '$1');
    return a === b || a.startsWith(`${b}/`);
}
/**
 * Is `dir` (the literal argument of a `cd`) a directory the same RUN made before that command:
 * `mkdir`, `git clone` (its destination or the repository's name), an archive extracted with
 * `tar`/`unzip` (into `-C`/`-d`, or a relative directory of the archive), `docker-php-source
 * extract` (/usr/src/php)? `cd /` leaves a build directory, `cd ..` after another `cd` backs out
 * of one. Such a `cd` is a step of that RUN's
 * own work, not a missing WORKDIR.
 */
function madeEarlierInRun(script, cmd, dir) {
    if (dir === '/')
        return true;
    const before = script.commands.slice(0, cmd.index);
    // `cd ..` / `cd -` back out of a directory this RUN went into.
    if ((dir === '..' || dir === '-') && before.some((c) => c.name === 'cd'))
        return true;
    for (const prev of before) {
        const args = prev.args.filter((a) => a.literal).map((a) => a.value);
        const operands = args.filter((a) => !a.startsWith('-'));
        switch (prev.name) {
            case 'mkdir':
                if (operands.some((made) => within(dir, made)))
                    return true;
                break;
            case 'git': {
                if (operands[0] !== 'clone')
                    break;
                const [, url, dest] = operands;
                const made = dest ??
                    url
                        ?.replace(/\/+$/, '')
                        .split('/')
                        .pop()
                        ?.replace(/\.git$/, '');
                if (made !== undefined && within(dir, made))
                    return true;
                break;
            }
            case 'tar':
            case 'bsdtar':
            case 'unzip': {
                const at = args.findIndex((a) => a === '-C' || a === '-d' || a === '--directory');
                const into = at >= 0 ? args[at + 1] : undefined;
                if (into !== undefined && within(dir, into))
                    return true;
                if (!dir.startsWith('/'))
                    return true;
                break;
            }
            case 'docker-php-source':
                if (operands[0] === 'extract' && within(dir, '/usr/src/php'))
                    return true;
                break;
        }
    }
    return false;
}


/***/ }),

/***/ 7152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H9: () => (/* binding */ contiguous),
/* harmony export */   KB: () => (/* binding */ checkedScripts),
/* harmony export */   ZD: () => (/* binding */ bodyIndex),
/* harmony export */   bU: () => (/* binding */ fileSpan),
/* harmony export */   wI: () => (/* binding */ shellcheckOf)
/* harmony export */ });
/* unused harmony exports dialectOf, runScopes, shellDialect, namesFor, shellcheckScripts, SHELLCHECK_LIMITS */
/* harmony import */ var _dockerfile_properties_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9909);
/* harmony import */ var _dockerfile_runs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(922);
/* harmony import */ var _dockerfile_variables_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1763);
/* harmony import */ var _parse_shell_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(890);
/* harmony import */ var _core_similar_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3458);





/** ShellCheck dialect per shell name; absent = do not check (zsh, fish, PowerShell, cmd, …). */
const DIALECTS = new Map([
    ['sh', 'sh'],
    ['ash', 'dash'],
    ['dash', 'dash'],
    ['busybox', 'dash'],
    ['bash', 'bash'],
    ['ksh', 'ksh'],
    ['mksh', 'ksh']
]);
const DEFAULT_SHELL = ['/bin/sh', '-c'];
const SHELL_PRAGMA = /^hadolint\s+shell\s*=\s*(\S+)/i;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MARKERS_ONLY = /^\s*(<<-?\s*(["']?)[A-Za-z0-9_.-]+\2\s*)+$/;
const SHELL_READS_HEREDOC = /^\s*(?:\S*\/)?(sh|ash|dash|bash|ksh|mksh)(?:\s+-[A-Za-z]+(?:\s+pipefail)?)*\s+<<-?\s*(["']?)[A-Za-z0-9_.-]+\2\s*$/;
/** Dialect of a shell command word (`/bin/bash` → bash, `/usr/bin/env bash` handled by caller). */
function dialectOf(shell) {
    const base = shell.replace(/\\/g, '/').split('/').pop().toLowerCase();
    return DIALECTS.get(base.replace(/\.exe$/, ''));
}
const pragmaCache = new WeakMap();
/**
 * `# hadolint shell=…` comments, in line order. dockerfile-ast reads a comment block at the very
 * top of the file as parser directives, so those are looked at too.
 */
function shellPragmas(doc) {
    let out = pragmaCache.get(doc);
    if (out)
        return out;
    out = [];
    const texts = [
        ...doc.directives.map((d) => ({
            text: doc.text.slice(d.start, d.end),
            line: d.range.start.line
        })),
        ...doc.comments
            .filter((c) => !c.inInstruction)
            .map((c) => ({ text: c.content, line: c.range.start.line }))
    ];
    for (const t of texts) {
        const m = SHELL_PRAGMA.exec(t.text.replace(/^\s*#\s*/, ''));
        if (m)
            out.push({ words: [m[1]], line: t.line });
    }
    out.sort((a, b) => a.line - b.line);
    pragmaCache.set(doc, out);
    return out;
}
/**
 * Scopes of every RUN (top level and ONBUILD triggers), in one pass as hadolint tracks them: SHELL
 * and `# hadolint shell=` pragmas (the later wins), ARG and ENV names; a FROM starts afresh from a
 * pragma placed before the first FROM, or from the state of the earlier stage it is built on.
 */
function runScopes(doc) {
    const out = new Map();
    const pragmas = shellPragmas(doc);
    const firstFrom = doc.stages[0]?.from.range.start.line ?? Infinity;
    const globalShell = pragmas.filter((p) => p.line < firstFrom).pop()?.words ?? DEFAULT_SHELL;
    const finals = new Map();
    let scope = { shell: DEFAULT_SHELL, vars: new Set(), envs: new Set() };
    let p = 0;
    for (const inst of doc.instructions) {
        const line = inst.range.start.line;
        for (; p < pragmas.length && pragmas[p].line < line; p++) {
            scope.shell = pragmas[p].words;
        }
        if (inst.keyword === 'FROM') {
            if (inst.stage) {
                const parent = inst.stage.parent ? finals.get(inst.stage.parent) : undefined;
                scope = parent
                    ? { shell: parent.shell, vars: new Set(parent.vars), envs: new Set(parent.envs) }
                    : { shell: globalShell, vars: new Set(), envs: new Set() };
                finals.set(inst.stage, scope);
            }
            continue;
        }
        if (inst.keyword === 'SHELL' && inst.json)
            scope.shell = inst.json.values;
        else if (inst.keyword === 'ARG' || inst.keyword === 'ENV') {
            for (const pair of (0,_dockerfile_properties_js__WEBPACK_IMPORTED_MODULE_0__/* .pairs */ .A)(doc, inst)) {
                if (!IDENT.test(pair.name))
                    continue;
                scope.vars.add(pair.name);
                if (inst.keyword === 'ENV')
                    scope.envs.add(pair.name);
            }
        }
        else if (inst.keyword === 'RUN') {
            out.set(inst, { shell: scope.shell, vars: new Set(scope.vars), envs: scope.envs });
        }
        else if (inst.trigger?.keyword === 'RUN') {
            out.set(inst.trigger, { shell: scope.shell, vars: new Set(scope.envs), envs: scope.envs });
        }
    }
    return out;
}
/** ShellCheck dialect for shell words, or undefined when they must not be checked. */
function shellDialect(doc, words) {
    if (doc.escape === '`')
        return undefined;
    let first = words[0] ?? '';
    if (/(^|\/)env$/.test(first))
        first = words.find((w, i) => i > 0 && !w.startsWith('-')) ?? '';
    return dialectOf(first);
}
/** `RUN --mount=type=secret,env=NAME` defines NAME for that RUN. */
function mountVariables(inst) {
    const out = [];
    for (const f of inst.flags) {
        if (f.name !== 'mount' || !f.value)
            continue;
        const env = /(?:^|,)env=([^,]+)/.exec(f.value);
        if (env && IDENT.test(env[1]))
            out.push(env[1]);
    }
    return out;
}
/** Text plus per-character file offsets, with the CR of every CRLF dropped. */
function mapped(text, start) {
    let body = '';
    const offsets = [];
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\r' && text[i + 1] === '\n')
            continue;
        body += text[i];
        offsets.push(start + i);
    }
    offsets.push(start + text.length);
    return { body, offsets };
}
function lineEnd(text, offset) {
    const nl = text.indexOf('\n', offset);
    return nl === -1 ? text.length : nl;
}
/** The bodies ShellCheck should see for one RUN (several for `RUN <<A <<B`). */
function bodiesOf(doc, inst, dialect) {
    if (!inst.argsSpan)
        return [];
    if (inst.heredocs.length === 0) {
        return [{ dialect, body: inst.text, offsets: inst.textOffsets }];
    }
    const header = inst.text;
    const single = inst.heredocs.length === 1 ? SHELL_READS_HEREDOC.exec(header) : null;
    if (MARKERS_ONLY.test(header) || single) {
        const out = [];
        for (const h of inst.heredocs) {
            const m = mapped(h.content, h.contentStart);
            let d = single ? (DIALECTS.get(single[1]) ?? dialect) : dialect;
            const first = m.body.split('\n', 1)[0];
            if (first.startsWith('#!')) {
                const words = first.slice(2).trim().split(/\s+/);
                const word = /(^|\/)env$/.test(words[0] ?? '') ? (words[1] ?? '') : (words[0] ?? '');
                const fromShebang = dialectOf(word);
                if (!fromShebang)
                    continue;
                d = fromShebang;
                // Our shebang replaces theirs: keep the line (as a comment) so positions stay put.
                m.body = `#${m.body.slice(2)}`;
            }
            out.push({ dialect: d, body: m.body, offsets: m.offsets });
        }
        return out;
    }
    // Some command reads the heredocs (`cat <<EOF > file`): the header plus the raw bodies.
    const headerEnd = lineEnd(doc.text, inst.argsSpan.start);
    const rest = mapped(doc.text.slice(headerEnd, inst.end), headerEnd);
    return [
        {
            dialect,
            body: header + rest.body,
            offsets: [...inst.textOffsets.slice(0, -1), ...rest.offsets]
        }
    ];
}
/** Words of a body times preamble names above which namesFor keeps every name. */
const MAX_NAME_COMPARISONS = 100_000;
/**
 * The preamble's names that can change what ShellCheck says about `body`. ShellCheck reads a name
 * the body never mentions only to suggest it for a misspelt one (SC2153, SC2154's "did you
 * mean": an assigned name of more than 3 characters within Levenshtein distance 2, or equal but
 * for case, of the name referenced); an exported name is never reported unused (SC2034). So a
 * name stays when the body holds it as a word, or a word that close to it. A long ARG/ENV list
 * (one name per ARG of a large Dockerfile, before every RUN) was more than half of ShellCheck's
 * time: over the corpus's 3,355 scripts 19.2 s of CPU with every name, 8.7 s with none.
 */
function namesFor(names, body) {
    const words = new Set();
    for (const text of [body, body.replace(/\\\r?\n/g, '')]) {
        for (const m of text.matchAll(/[A-Za-z0-9_]+/g))
            words.add(m[0]);
    }
    // Comparing every name with every word is for ordinary RUNs; past this, all names are kept (what
    // ShellCheck is given then is only larger, never different in what it says).
    if (words.size * names.length > MAX_NAME_COMPARISONS)
        return [...names];
    /** The body's words in lower case, by length. */
    let byLength;
    const near = (name) => {
        if (name.length <= 3)
            return false;
        const l = name.toLowerCase();
        if (!byLength) {
            byLength = new Map();
            for (const w of words) {
                const list = byLength.get(w.length);
                if (list)
                    list.push(w.toLowerCase());
                else
                    byLength.set(w.length, [w.toLowerCase()]);
            }
        }
        for (let length = l.length - 2; length <= l.length + 2; length++) {
            // Equal but for case, or within 2 edits (the distance also counts a transposition as one,
            // so it keeps every name Levenshtein keeps, and a few more).
            for (const w of byLength.get(length) ?? [])
                if ((0,_core_similar_js__WEBPACK_IMPORTED_MODULE_4__/* .editDistanceAtMost */ .u2)(w, l, 2))
                    return true;
        }
        return false;
    };
    return names.filter((name) => words.has(name) || near(name));
}
/** Every script ShellCheck should check in this Dockerfile, in file order. */
function shellcheckScripts(doc) {
    const out = [];
    for (const [inst, scope] of runScopes(doc)) {
        // cmd or PowerShell runs it (a Windows base image, a SHELL): nothing for ShellCheck.
        if (inst.json || (0,_dockerfile_runs_js__WEBPACK_IMPORTED_MODULE_1__/* .isWindows */ .uF)(doc, inst))
            continue;
        const dialect = shellDialect(doc, scope.shell);
        if (!dialect)
            continue;
        const bodies = bodiesOf(doc, inst, dialect);
        if (bodies.length === 0)
            continue;
        const vars = [...new Set([..._dockerfile_variables_js__WEBPACK_IMPORTED_MODULE_2__/* .PROXY_ARGS */ .Bm, ...scope.vars, ...mountVariables(inst)])];
        for (const b of bodies) {
            const names = namesFor(vars, b.body);
            const exports = names.length > 0 ? `export ${names.map((v) => `${v}=1`).join(' ')}\n` : '\n';
            out.push({
                inst,
                script: `#!/bin/${b.dialect}\n${exports}${b.body}${b.body.endsWith('\n') ? '' : '\n'}`,
                preambleLines: 2,
                body: b.body,
                offsets: b.offsets
            });
        }
    }
    return out;
}
/**
 * What a script may be for ShellCheck to be given it (the whole script, preamble included).
 * ShellCheck 0.9's work grows faster than linearly with these: an `&&` chain of 2,000 commands
 * took 14 s and 2.7 GB, 1,000 distinct variable names 3.5 s and 0.6 GB, a 12-deep `$(` nest 0.9 s
 * (every level doubles it). Largest in the corpus (5,771 scripts of 2,114 Dockerfiles): 4,841
 * bytes, depth 6, substitution weight 26, 90 commands, a chain of 50, 145 names. At these limits
 * ShellCheck takes about 2 s of CPU and 0.9 GB for a script at all of them (500 commands in chains
 * of 200 using 500 names).
 */
const SHELLCHECK_LIMITS = {
    bytes: 64 * 1024,
    depth: 32,
    substitutions: 1024,
    commands: 500,
    chain: 200,
    names: 500
};
/** The ShellCheck runner, when the edge has one and the configuration does not turn it off. */
function shellcheckOf(ctx) {
    if (ctx.settings.shellcheck === false)
        return undefined;
    return ctx.tools.shellcheck;
}
const checkedCache = new WeakMap();
/**
 * Every script of the Dockerfile through ShellCheck in one call, once per document and tool (the
 * SHELLCHECK rule reports the comments, DR0010 the scripts not checked). A script over
 * SHELLCHECK_LIMITS is not given to ShellCheck at all.
 */
function checkedScripts(doc, shellcheck) {
    let byTool = checkedCache.get(doc);
    if (!byTool)
        checkedCache.set(doc, (byTool = new WeakMap()));
    let out = byTool.get(shellcheck);
    if (out)
        return out;
    out = shellcheckScripts(doc).map((rs) => {
        const over = (0,_parse_shell_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .overLimit */ .W)((0,_parse_shell_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .shellShape */ .D)(rs.script), SHELLCHECK_LIMITS);
        return over === undefined
            ? { rs, comments: [] }
            : { rs, comments: [], notChecked: `ShellCheck is not given scripts this large: ${over}` };
    });
    const given = out.filter((c) => c.notChecked === undefined);
    const results = given.length > 0 ? shellcheck(given.map((c) => ({ script: c.rs.script }))) : [];
    given.forEach((c, i) => {
        const r = results[i] ?? [];
        if (Array.isArray(r))
            c.comments = r;
        else
            c.notChecked = r.notChecked;
    });
    byTool.set(shellcheck, out);
    return out;
}
const lineStartsCache = new WeakMap();
function bodyLineStarts(rs) {
    let starts = lineStartsCache.get(rs);
    if (!starts) {
        starts = [0];
        for (let i = rs.body.indexOf('\n'); i !== -1; i = rs.body.indexOf('\n', i + 1))
            starts.push(i + 1);
        lineStartsCache.set(rs, starts);
    }
    return starts;
}
/** Map a ShellCheck position (script line, code-point column) to a body index, or undefined. */
function bodyIndex(rs, line, column) {
    const bodyLine = line - rs.preambleLines;
    if (bodyLine < 1)
        return undefined;
    const starts = bodyLineStarts(rs);
    if (bodyLine > starts.length)
        return rs.body.length;
    let i = starts[bodyLine - 1];
    for (let c = 1; c < column && i < rs.body.length && rs.body[i] !== '\n'; c++) {
        const code = rs.body.charCodeAt(i);
        i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
    return Math.min(i, rs.body.length);
}
/** File offsets `[start, end)` for body indexes `[s, e)`; an empty range stays empty. */
function fileSpan(rs, s, e) {
    const start = rs.offsets[s];
    if (e <= s)
        return [start, start];
    return [start, rs.offsets[e - 1] + 1];
}
/** True when body characters `[s, e)` are one unbroken run of the file (no continuation inside). */
function contiguous(rs, s, e) {
    for (let k = s; k + 1 < e; k++)
        if (rs.offsets[k + 1] !== rs.offsets[k] + 1)
            return false;
    return true;
}


/***/ }),

/***/ 225:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registry: () => (/* binding */ registry)
});

// EXTERNAL MODULE: ./src/core/similar.ts
var similar = __webpack_require__(3458);
// EXTERNAL MODULE: ./src/rules/define.ts + 1 modules
var rules_define = __webpack_require__(4730);
// EXTERNAL MODULE: ./src/dockerfile/runs.ts
var runs = __webpack_require__(922);
;// CONCATENATED MODULE: ./src/rules/dockerfile/DL1000.ts



const INSTRUCTIONS = [
    'ADD',
    'ARG',
    'CMD',
    'COPY',
    'ENTRYPOINT',
    'ENV',
    'EXPOSE',
    'FROM',
    'HEALTHCHECK',
    'LABEL',
    'MAINTAINER',
    'ONBUILD',
    'RUN',
    'SHELL',
    'STOPSIGNAL',
    'USER',
    'VOLUME',
    'WORKDIR'
];
/** Instructions Docker rejects without arguments. */
const NEEDS_ARGS = new Set(INSTRUCTIONS.filter((k) => k !== 'HEALTHCHECK'));
/** The flags BuildKit accepts per instruction (anything else fails the build: "unknown flag"). */
const FLAGS = {
    FROM: ['platform'],
    RUN: ['mount', 'network', 'security', 'device'],
    COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
    ADD: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'unpack'],
    HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries']
};
/** Instructions whose words BuildKit's lexer reads: an unclosed quote fails the build. */
const WORD_PROCESSED = new Set(['ENV', 'LABEL', 'ARG', 'WORKDIR', 'USER', 'STOPSIGNAL', 'EXPOSE']);
/** mvdan/sh errors that mean the script ends inside a construct: every POSIX shell rejects it. */
const CUT_SHORT = /^reached EOF without|must end with "|^unclosed here-document|must be followed by a statement$/;
/**
 * Offset (in `inst.text`) of a quote BuildKit's lexer never sees closed, or -1: outside quotes
 * the escape character escapes the next character; inside `'…'` nothing is special; inside
 * `"…"` the escape character escapes the next one.
 */
function unclosedQuote(text, escape) {
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === escape)
            i += 2;
        else if (c === "'") {
            const close = text.indexOf("'", i + 1);
            if (close === -1)
                return i;
            i = close + 1;
        }
        else if (c === '"') {
            let j = i + 1;
            while (j < text.length && text[j] !== '"')
                j += text[j] === escape ? 2 : 1;
            if (j >= text.length)
                return i;
            i = j + 1;
        }
        else
            i++;
    }
    return -1;
}
function quoteProblem(doc, inst) {
    if (WORD_PROCESSED.has(inst.keyword) && !inst.json) {
        const at = unclosedQuote(inst.text, doc.escape);
        if (at !== -1) {
            const quote = inst.text[at] === '"' ? 'double' : 'single';
            return {
                at: inst.offsetAt(at),
                message: `This ${quote} quote is never closed: the build fails ("unexpected end of statement while looking for matching ${quote}-quote").`
            };
        }
    }
    if (inst.keyword !== 'RUN')
        return undefined;
    const error = doc.shell(inst)?.error;
    if (!error || !CUT_SHORT.test(error.message) || (0,runs/* isWindows */.uF)(doc, inst))
        return undefined;
    return {
        at: error.offset,
        message: `The RUN script ends too early for the shell (${error.message}): the build step fails.`
    };
}
/**
 * What the Docker builder itself rejects, reported where it is (hadolint uses DL1000 for parse
 * errors; we never stop linting the rest of the file).
 */
const DL1000 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL1000',
    aliases: [],
    severity: 'error',
    fixable: true,
    description: 'The Dockerfile does not parse: unknown instruction or flag, wrong number of arguments, an unterminated heredoc or quote.',
    check(doc, ctx) {
        const unknownFlag = (inst, flag) => {
            const known = FLAGS[inst.keyword];
            if (!known || known.includes(flag.name))
                return;
            const hint = (0,similar/* closest */.kp)(flag.name, known);
            // `--chwon=1000` → `--chown=1000`: only the name changes, the value stays as written.
            const nameEnd = flag.start + 2 + flag.raw.slice(2).split('=')[0].length;
            ctx.report({
                message: `\`${inst.keyword}\` has no flag \`--${flag.name}\`${hint ? ` (did you mean \`--${hint}\`?)` : ''}; the build fails with "unknown flag".`,
                range: flag.range,
                fix: hint
                    ? {
                        description: `Rename the flag to \`--${hint}\`.`,
                        safe: true,
                        effect: { kind: 'repair' },
                        edits: [{ range: doc.span(flag.start + 2, nameEnd).range, text: hint }]
                    }
                    : undefined
            });
        };
        const visit = (inst) => {
            if (!INSTRUCTIONS.includes(inst.keyword)) {
                const hint = (0,similar/* closest */.kp)(inst.keyword, INSTRUCTIONS);
                ctx.report({
                    message: `Unknown instruction \`${inst.keywordText}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}.`,
                    range: inst.keywordSpan.range
                });
                return;
            }
            // Flags are not arguments: `FROM --platform=linux/amd64` alone has no image.
            if (NEEDS_ARGS.has(inst.keyword) && inst.text.trim() === '' && inst.args.length === 0) {
                ctx.report({
                    message: `\`${inst.keyword}\` requires at least one argument.`,
                    range: inst.keywordSpan.range
                });
            }
            if (inst.keyword === 'FROM' && inst.args.length > 0) {
                const n = inst.args.length;
                if (n === 2 || n > 3 || (n === 3 && inst.args[1].value.toLowerCase() !== 'as')) {
                    ctx.report({
                        message: '`FROM` takes an image and optionally `AS <name>`: `FROM <image> [AS <name>]`.',
                        range: doc.span(inst.args[1].start, inst.args[n - 1].end).range
                    });
                }
            }
            for (const flag of inst.flags)
                unknownFlag(inst, flag);
            const quote = quoteProblem(doc, inst);
            if (quote) {
                const end = Math.min(quote.at + 1, doc.text.length);
                ctx.report({ message: quote.message, range: doc.span(quote.at, end).range });
            }
            for (const h of inst.heredocs) {
                if (h.terminated)
                    continue;
                ctx.report({
                    message: `Heredoc \`<<${h.name}\` is never terminated: add a line \`${h.name}\`.`,
                    range: h.marker.range
                });
            }
            if (inst.trigger)
                visit(inst.trigger);
        };
        for (const d of doc.directives) {
            if (d.name !== 'escape' || d.value === '`' || d.value === '\\')
                continue;
            ctx.report({
                message: `\`# escape=${d.value}\` is not an escape character BuildKit accepts (only a backslash or a backtick): the build fails ("invalid escape token").`,
                range: d.range
            });
        }
        doc.instructions.forEach(visit);
        if (doc.instructions.length === 0) {
            const firstLineEnd = doc.lines.lineEnd(1);
            ctx.report({
                message: 'The Dockerfile has no instructions (it is empty or holds only comments): the build fails ("file with no instructions").',
                range: doc.span(0, firstLineEnd).range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL1001.ts

/** `# hadolint ignore=…`, `# docker-review global ignore=…`, `# hadolint stage ignore=…`. */
const IGNORE_PRAGMA = /^(hadolint|docker-review)\s+(?:(?:global|stage)\s+)?ignore\s*=/i;
const DL1001 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL1001',
    aliases: [],
    severity: 'info',
    enabledByDefault: false,
    description: 'Please refrain from using inline ignore pragmas `# hadolint ignore=DLxxxx`.',
    check(doc, ctx) {
        for (const c of doc.comments) {
            const m = IGNORE_PRAGMA.exec(c.content);
            if (!m)
                continue;
            ctx.report({
                message: `Inline ignore pragma: fix the finding, or turn the rule off in the configuration where the policy is visible (\`# ${m[1]} ignore=\` hides it in this file).`,
                range: c.range
            });
        }
    }
});

// EXTERNAL MODULE: ./src/parse/dockerfile.ts + 2 modules
var dockerfile = __webpack_require__(2817);
// EXTERNAL MODULE: ./src/dockerfile/stages.ts
var stages = __webpack_require__(9931);
;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3000.ts




/** Absolute: `/x`, a variable (`$HOME`, `${DIR}`), or a Windows drive (`C:\`, `C:/`). */
const ABSOLUTE = /^(\/|\$|[A-Za-z]:[\\/]?)/;
const DL3000 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3000',
    aliases: ['AVD-DS-0009', 'CKV_DOCKER_10'],
    severity: 'error',
    fixable: true,
    description: 'Use absolute WORKDIR.',
    check(doc, ctx) {
        for (const inst of doc.instructions) {
            if (inst.keyword !== 'WORKDIR' || !inst.argsSpan)
                continue;
            const raw = inst.text;
            const path = (0,dockerfile/* unquote */._n)(raw);
            if (path === '' || ABSOLUTE.test(path))
                continue;
            const range = inst.argsSpan.range;
            // The directory it resolves to is known when an earlier WORKDIR of the stage lineage set an
            // absolute one, or when the stage starts from scratch (the working directory is `/`): then
            // nothing depends on the base image, and Docker documents relative WORKDIRs for this.
            const before = (0,runs/* workdirBefore */.Cw)(inst);
            const fromScratch = (0,stages/* lineage */.OZ)(inst.stage).some((s) => s.image.expanded === 'scratch');
            if (typeof before === 'string' || (before === null && fromScratch))
                continue;
            // Windows paths resolve against a drive: no fix there.
            const plain = /^[A-Za-z0-9_.@%+=:,/-]+$/.test(path) && !(0,runs/* isWindows */.uF)(doc, inst);
            const fix = plain && before === null
                ? {
                    description: "Prefix `/` (changes behaviour if the base image's WORKDIR is not `/`: the path is then no longer relative to it).",
                    safe: false,
                    edits: [{ range, text: `/${path}` }]
                }
                : undefined;
            ctx.report({
                message: `\`WORKDIR ${raw}\` is relative: it depends on the WORKDIR inherited from the base image; use an absolute path.`,
                range,
                fix
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3001.ts


/** Commands that make no sense while building an image, and why. */
const POINTLESS = {
    free: 'shows the memory of the build container, which tells nothing about where the image runs',
    kill: 'only sees processes of this RUN; nothing else is running during a build',
    mount: 'needs privileges a build does not have, and mounts do not survive the RUN',
    ps: 'only sees processes of this RUN; nothing else is running during a build',
    service: 'starts a daemon that dies when the RUN ends; start services in CMD/ENTRYPOINT',
    shutdown: 'there is no system to shut down in a build',
    ssh: 'an interactive remote login has no place in a build (use `RUN --mount=type=ssh` for git)',
    top: 'is interactive and only sees processes of this RUN',
    vim: 'is an interactive editor; a build has no terminal'
};
const DL3001 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3001',
    aliases: [],
    severity: 'info',
    perInstruction: true,
    description: 'For some bash commands it makes no sense running them in a Docker container like ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig.',
    check(doc, ctx) {
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, ...Object.keys(POINTLESS))) {
            const word = cmd.words[0];
            ctx.report({
                message: `\`${cmd.name}\` ${POINTLESS[word.value.replace(/^.*\//, '')]}.`,
                range: doc.span(word.start, word.end).range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3002.ts



const ROOT = /^(root|0)(:.*)?$/;
/** The last USER of a stage, or of the stages it is built FROM. */
function effectiveUser(stage) {
    for (let s = stage; s; s = s.parent) {
        for (let k = s.instructions.length - 1; k >= 0; k--) {
            if (s.instructions[k].keyword === 'USER')
                return s.instructions[k];
        }
    }
    return undefined;
}
const DL3002 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3002',
    aliases: ['CKV_DOCKER_8'],
    severity: 'warning',
    description: 'Last USER should not be root.',
    check(doc, ctx) {
        // Dev containers, base and builder images, CI images run as root on purpose (the images
        // built on a base switch users themselves); the image-role model says which this is.
        if ((0,stages/* imageRole */.iX)(doc) !== 'application')
            return;
        const reported = new Set();
        for (const stage of doc.stages) {
            // Only stages that can be an image someone runs: the last stage, and stages no other stage
            // builds on or copies from (other `--target`s). Build stages may run as root.
            if (!stage.isLast && (stage.usedAsBase || stage.copiedFrom))
                continue;
            const user = effectiveUser(stage);
            if (!user || reported.has(user))
                continue;
            const name = (0,dockerfile/* unquote */._n)(user.text.trim());
            if (!ROOT.test(name))
                continue;
            reported.add(user);
            const inherited = user.stage !== stage ? ' (inherited from the stage it is built FROM)' : '';
            ctx.report({
                message: `The image runs as \`${name}\`${inherited}: switch to an unprivileged user with a last \`USER\` (e.g. \`USER 10001\`).`,
                range: user.argsSpan?.range ?? user.range
            });
        }
    }
});

// EXTERNAL MODULE: ./src/dockerfile/variables.ts
var variables = __webpack_require__(1763);
;// CONCATENATED MODULE: ./src/rules/dockerfile/lib/commands.ts



/**
 * hadolint's `Hadolint.Shell` vocabulary over our shell parse: a command's flags and non-flag
 * arguments, and the edits that fixes make to them. The commands themselves come from the model
 * (src/dockerfile/runs.ts).
 */
function isFlag(word) {
    return word.value.startsWith('-') && word.value !== '-';
}
/** Single-letter flags (`-yq` → y, q) and long flags without their value (`--yes=1` → yes). */
function flagNames(cmd) {
    const out = [];
    for (const w of cmd.args) {
        if (!isFlag(w))
            continue;
        if (w.value.startsWith('--'))
            out.push(w.value.slice(2).split('=')[0]);
        else
            out.push(...w.value.slice(1).split(''));
    }
    return out;
}
function hasFlag(cmd, ...names) {
    const flags = flagNames(cmd);
    return names.some((n) => flags.includes(n));
}
/**
 * Arguments that are not flags; values of the flags in `valueFlags` (e.g. `['t', 'target-release']`)
 * are skipped too, whether written `-t x`, `-tx`, `--target-release x` or `--target-release=x`.
 */
function argsNoFlags(cmd, valueFlags = []) {
    const out = [];
    const args = cmd.args;
    for (let i = 0; i < args.length; i++) {
        const w = args[i];
        if (!isFlag(w)) {
            out.push(w);
            continue;
        }
        if (w.value === '--') {
            out.push(...args.slice(i + 1));
            break;
        }
        const long = w.value.startsWith('--');
        const name = long ? w.value.slice(2) : w.value.slice(1);
        if (long && name.includes('='))
            continue;
        const takesValue = long
            ? valueFlags.includes(name)
            : valueFlags.includes(name.slice(-1)) && name.length === 1;
        if (takesValue)
            i++;
    }
    return out;
}
/** `cmd` is `name` and one of its non-flag arguments is one of `subcommands` (hadolint cmdHasArgs). */
function cmdHasArgs(cmd, names, subcommands) {
    const list = typeof names === 'string' ? [names] : names;
    if (!list.includes((0,runs/* commandName */.p6)(cmd)))
        return false;
    return cmd.args.some((a) => subcommands.includes(a.value));
}
/** The first argument word equal to one of `words`. */
function findArg(cmd, words) {
    return cmd.args.find((a) => words.includes(a.value));
}
/** Insert `text` right after `word` (adds a leading space). */
function insertAfter(doc, word, text) {
    const at = doc.lines.position(word.end);
    return { range: { start: at, end: at }, text: ` ${text}` };
}
/**
 * Blanks for the shell: JavaScript's trimEnd() also drops U+2028, U+00A0 and friends, which the
 * shell reads as word characters (a script ending in one has a command there).
 */
const SHELL_BLANKS_AT_END = /[ \t\r\n]+$/;
/** A shell comment starts at a word: after a blank or an operator. */
const TRAILING_COMMENT = /(?:^|[\s;&|()])#/;
const QUOTE = /["'`]/;
/**
 * Append ` && <command>` after the last command of a shell-form RUN (before trailing blanks); none
 * for a script the shell cannot parse.
 */
function appendCommand(doc, inst, command) {
    const script = doc.shell(inst);
    // A script that does not parse (an unclosed quote, `$(`, `if`) would swallow the appended text.
    if (!script || script.error || inst.heredocs.length > 0)
        return undefined;
    const last = script.commands.reduce((a, c) => (!a || c.end > a.end ? c : a), undefined);
    if (!last)
        return undefined;
    // End of the instruction's real text (trailing spaces and comment lines excluded) — or of the
    // script before a trailing shell comment (`… # see #12`), which would swallow the command. After
    // the last simple command only closers (`fi`, `done`, `}`) and redirections remain.
    const text = inst.text.replace(SHELL_BLANKS_AT_END, '');
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (inst.offsetAt(mid) < last.end)
            lo = mid + 1;
        else
            hi = mid;
    }
    const tail = text.slice(lo);
    const hash = TRAILING_COMMENT.exec(tail);
    if (hash && QUOTE.test(tail.slice(0, hash.index)))
        return undefined;
    const length = hash
        ? text.slice(0, lo + hash.index).replace(SHELL_BLANKS_AT_END, '').length
        : text.length;
    const end = inst.offsetAt(length - 1) + 1;
    const at = doc.lines.position(end);
    return { range: { start: at, end: at }, text: ` && ${command}` };
}
function fix(description, safe, ...edits) {
    const present = edits.filter((e) => e !== undefined);
    return present.length === edits.length && present.length > 0
        ? { description, safe, edits: present }
        : undefined;
}
/** `keyword` in the case the instruction was written in (`run` → `workdir`). */
function keywordAs(inst, keyword) {
    const k = inst.keywordText;
    return k === k.toLowerCase() && k !== k.toUpperCase() ? keyword.toLowerCase() : keyword;
}
/** Replace a shell word's text. */
function replaceWord(doc, word, text) {
    return { range: doc.span(word.start, word.end).range, text };
}
/** A word made only of variable references and literal text (no `$(…)`, backticks or globs). */
const EXPANDABLE = /^(?:[^$`*?[\\]|\$\{[A-Za-z_]\w*(?::?[-+][^}$]*)?\}|\$[A-Za-z_]\w*)*$/;
/**
 * The words a RUN word stands for once the ARG/ENV variables in scope are substituted (defaults:
 * build args may override them). `$PKGS` with `ENV PKGS="curl git"` gives `['curl', 'git']`; a
 * double-quoted word stays one word. Undefined when a variable is unknown or the word runs code.
 */
function expandWord(doc, inst, word) {
    if (word.literal)
        return [word.value];
    let raw = word.raw;
    const quoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"');
    if (quoted)
        raw = raw.slice(1, -1);
    if (!EXPANDABLE.test(raw))
        return undefined;
    const { value, unresolved } = (0,variables/* expandVariables */.i7)(raw, doc.variables(inst));
    if (unresolved)
        return undefined;
    if (quoted)
        return [value];
    return (0,dockerfile/* unquote */._n)(value)
        .split(/\s+/)
        .filter((w) => w !== '');
}
/**
 * Delete an instruction flag (`--platform=…`) with the blanks and line continuations that follow
 * it, so the next word takes its place.
 */
function deleteFlag(doc, flag) {
    const t = doc.text;
    let k = flag.end;
    for (;;) {
        while (t[k] === ' ' || t[k] === '\t')
            k++;
        if (t[k] !== doc.escape)
            break;
        let j = k + 1;
        while (t[j] === ' ' || t[j] === '\t')
            j++;
        if (t[j] === '\r')
            j++;
        if (t[j] !== '\n')
            break;
        k = j + 1;
    }
    return { range: doc.span(flag.start, k).range, text: '' };
}
/**
 * Report the unpinned packages among a command's package words as one finding from the first to
 * the last offending word, naming each. Literal words are judged as written; `$PKGS`-style words
 * by the ARG/ENV defaults in scope (what they expand to is named too); words whose value cannot be
 * known are left out, never guessed.
 */
function reportUnpinned(doc, report, inst, words, pinned, message) {
    const bad = [];
    for (const word of words) {
        if (word.literal) {
            if (!pinned(word.value))
                bad.push({ word, unpinned: [word.value] });
            continue;
        }
        const unpinned = (expandWord(doc, inst, word) ?? []).filter((s) => !pinned(s));
        if (unpinned.length > 0)
            bad.push({ word, unpinned });
    }
    if (bad.length === 0)
        return;
    const names = bad
        .map((a) => a.word.literal
        ? `\`${a.unpinned[0]}\``
        : `\`${a.word.raw}\` (${a.unpinned.map((s) => `\`${s}\``).join(', ')})`)
        .join(', ');
    report({
        message: message(names, bad[0].unpinned[0]),
        range: doc.span(bad[0].word.start, bad[bad.length - 1].word.end).range
    });
}

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
;// CONCATENATED MODULE: ./src/rules/dockerfile/lib/edits.ts

/** Text edits over whole instructions and lines, keeping the file's line endings. */
/** The line terminator used by the line `line` (falls back to the file's dominant one). */
function eolAt(doc, line) {
    const end = doc.lines.lineEnd(line);
    if (doc.text[end] === '\r' && doc.text[end + 1] === '\n')
        return '\r\n';
    if (doc.text[end] === '\n')
        return '\n';
    return (0,core_text/* eolOf */.Wl)(doc.text);
}
/** Delete an instruction's lines, line terminators included. */
function deleteInstruction(doc, inst) {
    const top = inst.onbuild ?? inst;
    const first = top.range.start.line;
    const last = top.range.end.line;
    let start = doc.lines.lineStart(first);
    let end = last < doc.lines.lineCount ? doc.lines.lineStart(last + 1) : doc.text.length;
    if (end === doc.text.length && last >= doc.lines.lineCount && first > 1) {
        // Last line without a terminator: take the terminator before it instead.
        start = doc.lines.lineEnd(first - 1);
        end = doc.text.length;
    }
    return { range: doc.span(start, end).range, text: '' };
}
/**
 * Insert a whole line before the instruction, with its indentation — above the comment lines
 * directly on top of it, so a `# hadolint ignore=` pragma keeps applying to the instruction.
 */
function insertLineBefore(doc, inst, line) {
    const top = inst.onbuild ?? inst;
    let lineNo = top.range.start.line;
    while (lineNo > 1 && /^\s*#/.test(doc.lines.lineText(lineNo - 1))) {
        if (doc.directives.some((d) => d.range.start.line === lineNo - 1))
            break;
        lineNo--;
    }
    const start = doc.lines.lineStart(lineNo);
    const indent = /^[ \t]*/.exec(doc.lines.lineText(lineNo))[0];
    const at = doc.lines.position(start);
    return { range: { start: at, end: at }, text: `${indent}${line}${eolAt(doc, lineNo)}` };
}
/**
 * A double-quoted Dockerfile word holding `value` literally: the escape character, `"` and `$`
 * are escaped with the file's escape character (`\` or `` ` ``).
 */
function quoteWord(doc, value) {
    const e = doc.escape;
    let out = '';
    for (const c of value)
        out += c === e || c === '"' || c === '$' ? e + c : c;
    return `"${out}"`;
}

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3003.ts




const ABSOLUTE_PLAIN = /^\/[A-Za-z0-9_.@%+=:,/-]*$/;
const DL3003 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3003',
    aliases: ['AVD-DS-0013'],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Use WORKDIR to switch to a directory.',
    check(doc, ctx) {
        for (const inst of (0,runs/* runInstructions */.Xs)(doc)) {
            const script = doc.shell(inst);
            if (!script)
                continue;
            for (const cmd of script.commands) {
                if (cmd.name !== 'cd')
                    continue;
                const last = cmd.words[cmd.words.length - 1];
                // `RUN cd /abs && rest` → `WORKDIR /abs` + `RUN rest`: the one shape where the move is certain.
                const dir = cmd.args.length === 1 && cmd.args[0].literal ? cmd.args[0].value : undefined;
                // Into a directory this RUN just made (or back to /): part of the RUN's own work.
                if (dir !== undefined && (0,runs/* madeEarlierInRun */.yw)(script, cmd, dir))
                    continue;
                const next = script.commands[cmd.index + 1];
                const leading = cmd.index === 0 &&
                    !inst.onbuild &&
                    inst.heredocs.length === 0 &&
                    !script.error &&
                    dir !== undefined &&
                    ABSOLUTE_PLAIN.test(dir) &&
                    cmd.next === '&&' &&
                    next !== undefined &&
                    !next.substituted &&
                    !next.subshell;
                ctx.report({
                    message: '`cd` in a RUN only lasts for that RUN; use `WORKDIR` to switch directories (it also documents where later instructions run).',
                    range: doc.span(cmd.start, last.end).range,
                    fix: leading
                        ? {
                            description: `Move \`cd ${dir}\` into a \`WORKDIR ${dir}\` before this RUN (later instructions then also run in ${dir}, and WORKDIR creates the directory if it is missing).`,
                            safe: false,
                            edits: [
                                insertLineBefore(doc, inst, `${keywordAs(inst, 'WORKDIR')} ${dir}`),
                                { range: doc.span(cmd.start, next.start).range, text: '' }
                            ]
                        }
                        : undefined
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3004.ts




const DL3004_ROOT = /^(root|0)(:.*)?$/;
/**
 * The user `sudo -u NAME` / `--user=NAME` runs the command as, when the options name one: running
 * a step as an unprivileged user is what gosu would be used for, not a root escalation.
 */
function sudoUser(words) {
    for (let i = 1; i < words.length; i++) {
        const w = words[i].value;
        if (!w.startsWith('-'))
            return undefined;
        if (w === '-u' || w === '--user')
            return words[i + 1]?.value;
        const joined = /^(?:-u|--user=)(.+)$/.exec(w);
        if (joined)
            return joined[1];
    }
    return undefined;
}
const DL3004 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3004',
    aliases: ['AVD-DS-0010', 'CKV2_DOCKER_1'],
    severity: 'error',
    perInstruction: true,
    fixable: true,
    description: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root.',
    check(doc, ctx) {
        for (const { inst, cmd } of (0,runs/* commandsNamed */.i2)(doc, 'sudo')) {
            const sudo = cmd.words[0];
            const target = cmd.words[1];
            const runAs = sudoUser(cmd.words);
            if (runAs !== undefined && !DL3004_ROOT.test((0,dockerfile/* unquote */._n)(runAs).replace(/^#/, '')))
                continue;
            // Without options (`sudo -u app …` changes the user), and while the build runs as root as
            // far as this file says (no USER, or a root USER last).
            const top = inst.onbuild ?? inst;
            let user;
            for (const stage of (0,stages/* lineage */.OZ)(top.stage)) {
                const before = stage.instructions.filter((i) => i.keyword === 'USER' && (stage !== top.stage || i.index < top.index));
                if (before.length > 0) {
                    user = (0,dockerfile/* unquote */._n)(before[before.length - 1].text.trim());
                    break;
                }
            }
            const asRoot = user === undefined || DL3004_ROOT.test(user);
            const fixable = target !== undefined && !target.value.startsWith('-') && asRoot;
            ctx.report({
                message: '`sudo` in a build is unpredictable (often not installed, may prompt, changes the environment); the build already runs as root unless a USER says otherwise — switch with `USER` instead.',
                range: doc.span(sudo.start, sudo.end).range,
                fix: fixable
                    ? {
                        description: 'Remove `sudo` (the command then runs as the build user: correct when that is root, which is the default unless the base image sets another USER).',
                        safe: false,
                        edits: [{ range: doc.span(sudo.start, target.start).range, text: '' }]
                    }
                    : undefined
            });
        }
    }
});

// EXTERNAL MODULE: ./src/dockerfile/image.ts
var dockerfile_image = __webpack_require__(1819);
// EXTERNAL MODULE: ./src/core/paths.ts
var core_paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/parse/image.ts
var parse_image = __webpack_require__(2522);
// EXTERNAL MODULE: ./src/dockerfile/distro.ts
var dockerfile_distro = __webpack_require__(7707);
// EXTERNAL MODULE: ./src/dockerfile/model.ts
var model = __webpack_require__(4011);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/parse/yaml-tokens.ts

/** Texts whose tokens are kept, most recently used last. */
const KEEP = 16;
const kept = new Map();
function tokensOf(text) {
    let tokens = kept.get(text);
    if (tokens) {
        kept.delete(text);
    }
    else {
        tokens = Array.from(new dist/* Parser */.iX().parse(text));
        if (kept.size >= KEEP)
            kept.delete(kept.keys().next().value);
    }
    kept.set(text, tokens);
    return tokens;
}
/** What `parseDocument(text, options)` gives (its errors not prettified). */
function yamlDocument(text, options = {}) {
    const composer = new dist/* Composer */.Dk(options);
    let doc;
    for (const next of composer.compose(tokensOf(text), true, text.length)) {
        if (!doc)
            doc = next;
        else {
            if (doc.options.logLevel !== 'silent') {
                doc.errors.push(new dist/* YAMLParseError */.XT([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            }
            break;
        }
    }
    return doc;
}
/**
 * What `parse(text, options)` gives, or throws (its first error), but never prints a warning: the
 * library prints those to stderr, quoting the file (an unknown tag such as Compose's `!reset`).
 */
function yamlValue(text, options = {}) {
    const doc = yamlDocument(text, options);
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        doc.errors = [];
    }
    return doc.toJS(options);
}

;// CONCATENATED MODULE: ./src/dockerfile/local-images.ts






const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const BAKE_FILES = ['docker-bake.hcl', 'docker-bake.json', 'docker-bake.override.hcl'];
/** Sibling Dockerfiles to look in when the workspace cannot list the folder. */
const SIBLING_NAMES = [
    'Dockerfile',
    'Dockerfile.common',
    'Dockerfile.base',
    'Dockerfile.build',
    'Dockerfile.builder'
];
/**
 * Docker Hub's official images (`library/`), current and deprecated but still pullable: a
 * single-word name outside this list cannot be pulled, so it is built locally.
 */
const OFFICIAL_IMAGES = new Set(`adminer aerospike almalinux alpine alt amazoncorretto amazonlinux api-firewall arangodb archlinux
  backdrop bash bonita buildpack-deps busybox caddy cassandra celery centos chronograf cirros
  clearlinux clefos clickhouse clojure composer consul convertigo couchbase couchdb crate crux dart
  debian django docker drupal eclipse-mosquitto eclipse-temurin eggdrop elasticsearch elixir emqx
  erlang euleros express-gateway fedora flink fluentd friendica fsharp gazebo gcc geonetwork ghost
  glassfish golang gradle groovy haproxy haskell haxe hello-world hipache hitch httpd hylang
  ibm-semeru-runtimes ibmjava influxdb iojs irssi java jenkins jetty jobber joomla jruby julia
  kaazing-gateway kapacitor kibana known kong krakend lightstreamer liquibase logstash mageia
  mariadb matomo maven mediawiki memcached mongo mongo-express monica mono mysql nats
  nats-streaming neo4j neurodebian nextcloud nginx node notary nuxeo odoo open-liberty openjdk
  opensuse oraclelinux orientdb owncloud percona perl photon php php-zendserver phpmyadmin piwik
  plone postfixadmin postgres pypy python r-base rabbitmq racket rails rakudo-star rapidoid redis
  redmine registry rethinkdb rocket.chat rockylinux ros ruby rust sapmachine satosa scratch sentry
  silverpeas sl solr sonarqube sourcemage spark spiped storm swarm swift swipl teamspeak telegraf
  thrift tomcat tomee traefik ubuntu ubuntu-debootstrap ubuntu-upstart unit varnish vault
  websphere-liberty wordpress xwiki yourls znc zookeeper`.split(/\s+/));
/** `name` without registry, `library/` and tag (`docker.io/library/x:1` → `x`). */
function repositoryOf(ref) {
    const { name, registry } = (0,parse_image/* splitImageRef */.l)(ref.toLowerCase(), false);
    const bare = name.replace(/^library\//, '');
    return registry && !/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/.test(registry)
        ? `${registry}/${bare}`
        : bare;
}
/** The Dockerfile's folder and every folder above it, nearest first (`.` last). */
function foldersUp(path) {
    const out = [];
    for (let dir = (0,core_paths/* dirOf */.Rw)(path);; dir = (0,core_paths/* dirOf */.Rw)(dir)) {
        out.push(dir);
        if (dir === '.' || dir === '/' || dir === '')
            return out;
    }
}
function readYaml(ws, path) {
    const text = ws.readFile(path);
    if (text === undefined)
        return undefined;
    try {
        // Compose files share blocks through anchors and merge keys (`<<: *defaults`) freely.
        return yamlValue(text, { maxAliasCount: -1, merge: true, uniqueKeys: false });
    }
    catch {
        return undefined;
    }
}
const buildsCache = new WeakMap();
/** The services of the compose files in `path`'s folder and the folders above that build something. */
function composeBuildsAround(path, ws) {
    let byDir = buildsCache.get(ws);
    if (!byDir)
        buildsCache.set(ws, (byDir = new Map()));
    const out = [];
    for (const dir of foldersUp(path)) {
        let found = byDir.get(dir);
        if (!found) {
            found = [];
            for (const name of COMPOSE_FILES)
                found.push(...composeBuilds(ws, (0,core_paths/* joinPath */.uJ)(dir, name)));
            byDir.set(dir, found);
        }
        out.push(...found);
    }
    return out;
}
/**
 * Services of a compose file that build something, and of the files it `include:`s; relative
 * paths resolve against `base` (the file's folder, or an include's `project_directory`).
 */
function composeBuilds(ws, file, base = (0,core_paths/* dirOf */.Rw)(file), depth = 0) {
    const data = readYaml(ws, file);
    const out = [];
    if (depth < 2 && Array.isArray(data?.include)) {
        for (const entry of data.include) {
            const spec = (typeof entry === 'string' ? { path: entry } : entry);
            const paths = Array.isArray(spec?.path) ? spec.path : [spec?.path];
            for (const p of paths) {
                if (typeof p !== 'string' || p.includes('$'))
                    continue;
                const included = (0,core_paths/* cleanPath */.ts)((0,core_paths/* joinPath */.uJ)((0,core_paths/* dirOf */.Rw)(file), p));
                const dir = typeof spec?.project_directory === 'string'
                    ? (0,core_paths/* cleanPath */.ts)((0,core_paths/* joinPath */.uJ)((0,core_paths/* dirOf */.Rw)(file), spec.project_directory))
                    : (0,core_paths/* dirOf */.Rw)(included);
                out.push(...composeBuilds(ws, included, dir, depth + 1));
            }
        }
    }
    const services = data?.services;
    if (!services || typeof services !== 'object')
        return out;
    for (const [service, raw] of Object.entries(services)) {
        const svc = raw;
        const build = svc?.build;
        if (build === undefined || build === null)
            continue;
        const spec = (typeof build === 'string' ? { context: build } : build);
        const context = typeof spec.context === 'string' ? spec.context : '.';
        if (/^[a-z]+:\/\/|^git@|\$/.test(context))
            continue;
        const contextDir = (0,core_paths/* cleanPath */.ts)((0,core_paths/* joinPath */.uJ)(base, context));
        const name = typeof spec.dockerfile === 'string' ? spec.dockerfile : 'Dockerfile';
        const args = new Set();
        if (Array.isArray(spec.args)) {
            for (const a of spec.args)
                if (typeof a === 'string')
                    args.add(a.split('=')[0].trim());
        }
        else if (spec.args && typeof spec.args === 'object') {
            for (const k of Object.keys(spec.args))
                args.add(k);
        }
        out.push({
            file,
            service,
            dockerfile: (0,core_paths/* cleanPath */.ts)(name.startsWith('/') ? name : (0,core_paths/* joinPath */.uJ)(contextDir, name)),
            image: typeof svc?.image === 'string' ? svc.image : undefined,
            args
        });
    }
    return out;
}
/** The compose services (in the Dockerfile's folder or above) that build the Dockerfile at `path`. */
function composeBuildsOf(path, ws) {
    const target = (0,core_paths/* cleanPath */.ts)(path);
    return composeBuildsAround(path, ws).filter((b) => b.dockerfile === target);
}
/** Names a bake file beside or above `path` declares: targets, their tags, named contexts. */
function bakeNames(path, ws) {
    const names = new Set();
    for (const dir of foldersUp(path)) {
        for (const file of BAKE_FILES) {
            const text = ws.readFile((0,core_paths/* joinPath */.uJ)(dir, file));
            if (text === undefined)
                continue;
            for (const m of text.matchAll(/\btarget\s+"([^"]+)"/g))
                names.add(m[1].toLowerCase());
            for (const m of text.matchAll(/"?contexts"?\s*[=:]\s*\{([^}]*)\}/g)) {
                for (const k of m[1].matchAll(/"?([A-Za-z0-9_.\-/]+)"?\s*[=:]/g))
                    names.add(k[1].toLowerCase());
            }
            for (const m of text.matchAll(/"?tags"?\s*[=:]\s*\[([^\]]*)\]/g)) {
                for (const t of m[1].matchAll(/"([^"$]+)"/g))
                    names.add(repositoryOf(t[1]));
            }
        }
    }
    return names;
}
const stagesCache = new WeakMap();
/** Stage names (lowercase) of a Dockerfile in the workspace; empty when absent. */
function stagesOf(ws, path) {
    let byPath = stagesCache.get(ws);
    if (!byPath)
        stagesCache.set(ws, (byPath = new Map()));
    const cached = byPath.get(path);
    if (cached)
        return cached;
    const text = ws.readFile(path);
    const out = new Set();
    byPath.set(path, out);
    if (text === undefined)
        return out;
    for (const inst of (0,dockerfile/* parseDockerfileSyntax */.LH)(path, text).instructions) {
        if (inst.keyword !== 'FROM')
            continue;
        const as = inst.args.findIndex((a) => a.value.toLowerCase() === 'as');
        if (as !== -1 && inst.args[as + 1])
            out.add(inst.args[as + 1].value.toLowerCase());
    }
    return out;
}
/** Dockerfiles beside `path` (other than itself). */
function siblings(path, ws) {
    const dir = (0,core_paths/* dirOf */.Rw)(path);
    const listed = ws.listDir(dir);
    const names = listed
        ? listed.filter((n) => /(^|\.)dockerfile(\.|$)|^containerfile/i.test(n))
        : SIBLING_NAMES;
    const self = (0,core_paths/* cleanPath */.ts)(path);
    return names.map((n) => (0,core_paths/* cleanPath */.ts)((0,core_paths/* joinPath */.uJ)(dir, n))).filter((p) => p !== self);
}
/**
 * Is `ref` (a `FROM` image or a `COPY --from` name that is no stage of this file) an image the
 * repository builds itself? `names` says what the reference may be: `image` (a `FROM`: also a
 * single-word name without an official image) or `copy-source` (a `COPY --from`: only evidence in
 * the workspace, since a single-word name there is more often a misspelt stage).
 */
function localImage(path, ref, ws, names = 'image') {
    if (ref.includes('$'))
        return undefined;
    const repo = repositoryOf(ref);
    if (repo === '' || repo === 'scratch')
        return undefined;
    const self = (0,core_paths/* cleanPath */.ts)(path);
    const service = composeBuildsAround(path, ws).find((b) => b.image !== undefined && repositoryOf(b.image) === repo && b.dockerfile !== self);
    if (service)
        return { via: 'compose', dockerfile: service.dockerfile };
    if (bakeNames(path, ws).has(repo))
        return { via: 'bake' };
    const last = repo.split('/').pop();
    // A folder of that name with a Dockerfile, beside this file or beside one of its folders.
    // Official names are Docker Hub's even when the repository has a folder of that name.
    if (!OFFICIAL_IMAGES.has(repo)) {
        for (const dir of foldersUp(path)) {
            const candidate = (0,core_paths/* cleanPath */.ts)((0,core_paths/* joinPath */.uJ)((0,core_paths/* joinPath */.uJ)(dir, last), 'Dockerfile'));
            if (candidate !== self && ws.readFile(candidate) !== undefined) {
                return { via: 'folder', dockerfile: candidate };
            }
        }
    }
    if (!repo.includes('/')) {
        for (const sibling of siblings(path, ws)) {
            if (stagesOf(ws, sibling).has(repo))
                return { via: 'sibling-stage', dockerfile: sibling };
        }
        if (names === 'image' && !OFFICIAL_IMAGES.has(repo))
            return { via: 'not-official' };
    }
    return undefined;
}
/**
 * What the stage's base image is made of, following a base image the repository builds itself
 * (`FROM base` with `core/base/Dockerfile`) to the final stage of its Dockerfile, a few levels deep.
 * Rules ask parents.ts's `stageDistroIn`, which tries the declared builds first and then this.
 */
function localStageDistro(stage, path, ws, depth = 0) {
    const own = (0,dockerfile_distro/* stageDistro */["in"])(stage);
    if (own.family !== 'unknown' || !stage || depth >= 3)
        return own;
    let root = stage;
    while (root.parent)
        root = root.parent;
    if (root.image.unresolved)
        return own;
    const parent = localImage(path, root.image.expanded, ws)?.dockerfile;
    const text = parent === undefined ? undefined : ws.readFile(parent);
    if (parent === undefined || text === undefined)
        return own;
    const doc = (0,model/* parseDockerfile */.A)(parent, text);
    return localStageDistro(doc.stages[doc.stages.length - 1], parent, ws, depth + 1);
}

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3006.ts



const DL3006 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3006',
    aliases: ['AVD-DS-0001', 'CKV_DOCKER_7'],
    severity: 'warning',
    description: 'Always tag the version of an image explicitly.',
    check(doc, ctx) {
        for (const stage of doc.stages) {
            const { image } = stage;
            const token = stage.from.args[0];
            if (!token || stage.parent || image.unresolved || image.expanded.includes('$'))
                continue;
            if (image.tag || image.digest)
                continue;
            const name = image.expanded.toLowerCase();
            if (name === 'scratch' || name === '')
                continue;
            // The name pins the major (`redhat/ubi9-minimal`): untagged is that major's latest on purpose.
            if ((0,dockerfile_image/* versionInName */.v)(image.name))
                continue;
            // An image this repository builds (compose, bake, a folder with its Dockerfile, a name
            // Docker Hub does not have): the build makes it, there is no version to pin.
            if (localImage(doc.path, image.expanded, ctx.workspace))
                continue;
            const via = image.raw !== image.expanded ? ` (\`${image.raw}\` resolves to \`${image.expanded}\`)` : '';
            ctx.report({
                message: `Always tag the version of an image explicitly: \`${image.expanded}\` has no tag${via}.`,
                range: token.range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3007.ts



const DL3007 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3007',
    aliases: [],
    severity: 'warning',
    description: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly.',
    check(doc, ctx) {
        for (const stage of doc.stages) {
            const { image } = stage;
            const token = stage.from.args[0];
            if (!token || stage.parent || image.digest || image.tag !== 'latest')
                continue;
            // `ubi9/ubi-micro:latest`: the name pins the major, latest is its newest minor.
            if ((0,dockerfile_image/* versionInName */.v)(image.name))
                continue;
            // `latest` of an image this repository builds is whatever the same build just made.
            if (localImage(doc.path, image.expanded, ctx.workspace))
                continue;
            ctx.report({
                message: `\`${image.expanded}\` uses the \`latest\` tag, which changes under you; pin a concrete version (or a digest).`,
                range: token.range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3008.ts



/** apt-get flags that take a value (their value is not a package). */
const VALUE_FLAGS = ['t', 'target-release', 'o', 'option', 'c', 'config-file'];
/** `pkg=1.2`, `pkg/bookworm-backports` (a release), local `.deb` files and paths. */
function pinned(spec) {
    return spec.includes('=') || spec.includes('/') || spec.endsWith('.deb');
}
const DL3008 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3008',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    description: 'Pin versions in apt-get install (`apt-get install <package>=<version>`).',
    check(doc, ctx) {
        for (const { inst, cmd } of (0,runs/* commandsNamed */.i2)(doc, 'apt-get')) {
            const install = findArg(cmd, ['install']);
            if (!install)
                continue;
            const words = argsNoFlags(cmd, VALUE_FLAGS).filter((w) => w.start > install.start);
            reportUnpinned(doc, ctx.report, inst, words, pinned, (names, example) => `Pin versions in apt-get install: ${names} (e.g. \`${example}=<version>\`).`);
        }
    }
});

// EXTERNAL MODULE: ./src/core/fixes.ts
var fixes = __webpack_require__(3124);
// EXTERNAL MODULE: ./src/dockerfile/effects.ts
var effects = __webpack_require__(5924);
;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3009.ts





const APT = ['apt', 'apt-get', 'aptitude'];
const DL3009 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3009',
    aliases: [],
    severity: 'info',
    perInstruction: true,
    fixable: true,
    description: 'Delete the apt-get lists after installing something.',
    check(doc, ctx) {
        for (const inst of (0,runs/* runInstructions */.Xs)(doc)) {
            const stage = (inst.onbuild ?? inst).stage;
            // Only layers that end up in an image: the last stage, or a stage another is built FROM.
            if (stage && !stage.isLast && !stage.usedAsBase && !inst.onbuild)
                continue;
            const script = doc.shell(inst);
            if (!script)
                continue;
            const mounts = (0,runs/* cacheMountTargets */.ug)(inst);
            if (mounts.includes('/var/lib/apt/lists') ||
                (mounts.includes('/var/lib/apt') && mounts.includes('/var/cache/apt'))) {
                continue;
            }
            const update = script.commands.find((c) => cmdHasArgs(c, APT, ['update']));
            if (!update)
                continue;
            // `rm -rf /var/lib/apt/lists/*`, or `apt-get dist-clean` (apt >= 2.7: lists and caches).
            const cleaned = script.commands.some((c) => c.index > update.index &&
                (((0,runs/* commandName */.p6)(c) === 'rm' &&
                    c.args.some((a) => /^\/var\/lib\/apt\/lists\/?\*?$/.test(a.value))) ||
                    ((0,effects/* packageOp */.K0)(c)?.manager === 'apt' && (0,effects/* packageOp */.K0)(c)?.op === 'drop-index')));
            if (cleaned)
                continue;
            // Deleting the lists is only harmless where this RUN installs from them and nothing later
            // (conditional or not) needs them; otherwise the fix is DR3002's merge of the RUNs.
            const installsHere = script.commands.some((c) => {
                const op = c.index > update.index ? (0,effects/* packageOp */.K0)(c) : undefined;
                return op?.manager === 'apt' && (0,effects/* needsIndex */.A)(op);
            });
            const safe = installsHere && !(0,effects/* laterRunNeedsIndex */.t6)(doc, inst, 'apt');
            ctx.report({
                message: safe
                    ? 'Delete the apt lists in the same RUN (`rm -rf /var/lib/apt/lists/*`); a later RUN cannot shrink this layer.'
                    : 'Delete the apt lists in the same RUN that installs from them; here a later RUN still needs them, so install everything in one RUN (`apt-get update && apt-get install … && rm -rf /var/lib/apt/lists/*`).',
                range: doc.span(update.start, update.end).range,
                fix: safe
                    ? (0,fixes/* withEffect */.yu)(fix('Append `&& rm -rf /var/lib/apt/lists/*` to the RUN (deletes the apt package lists at the end of this layer).', true, appendCommand(doc, inst, 'rm -rf /var/lib/apt/lists/*')), { kind: 'append-command', argv: ['rm', '-rf', '/var/lib/apt/lists/*'] })
                    : undefined
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3010.ts




/** Tar archives `ADD` extracts by itself (plain, gzip, bzip2, xz, lzma). */
const TAR = /\.(tar|tar\.(bz2|gz|xz|lz|lzma|z)|tb2|tbz2?|tgz|tpz|tlz|txz|tz)$/i;
/** Programs that unpack a (compressed) tar file they are given. */
const UNPACKERS = new Set(['gunzip', 'bunzip2', 'unxz', 'unlzma', 'zcat']);
/** `tar` short flags the narrow fix understands: extract, file, verbose, compression, permissions. */
const SIMPLE_TAR_FLAGS = /^-?[xfvzjJap]+$/;
function basename(path) {
    return (path
        .replace(/^["']|["']$/g, '')
        .split(/[\\/]/)
        .pop() ?? path);
}
/** Is `cmd` extracting (`tar -xf`, `tar xzf`, `tar --extract`, `gunzip`, `xz -d` …)? */
function extracts(cmd) {
    const name = (0,runs/* commandName */.p6)(cmd);
    if (UNPACKERS.has(name))
        return true;
    if (name === 'gzip' || name === 'bzip2' || name === 'xz' || name === 'lzma') {
        return cmd.args.some((a) => /^-[a-z]*d/.test(a.value) || a.value === '--decompress');
    }
    if (name !== 'tar')
        return false;
    const first = cmd.args[0]?.value ?? '';
    if (!first.startsWith('-') && /^[a-zA-Z]*x/.test(first))
        return true;
    return cmd.args.some((a) => /^-[a-zA-Z]*x/.test(a.value) || a.value === '--extract' || a.value === '--get');
}
const DL3010 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3010',
    aliases: [],
    severity: 'info',
    perInstruction: true,
    fixable: true,
    description: 'Use ADD for extracting archives into an image.',
    check(doc, ctx) {
        // Per stage (instructions before any FROM count as one).
        const groups = new Map();
        for (const inst of doc.instructions) {
            const key = inst.stage?.index ?? -1;
            const list = groups.get(key);
            if (list)
                list.push(inst);
            else
                groups.set(key, [inst]);
        }
        for (const list of groups.values()) {
            const archives = new Map();
            for (let k = 0; k < list.length; k++) {
                const inst = list[k];
                if (inst.keyword === 'COPY' && !inst.flags.some((f) => f.name === 'from')) {
                    const words = inst.json ? inst.json.items : inst.args;
                    if (words.length < 2 || inst.heredocs.length > 0)
                        continue;
                    const sources = words.slice(0, -1);
                    const dest = words[words.length - 1].value.replace(/^["']|["']$/g, '');
                    const entry = {
                        inst,
                        source: sources.length === 1 ? sources[0] : undefined,
                        dest
                    };
                    for (const src of sources)
                        if (TAR.test(basename(src.value)))
                            archives.set(basename(src.value), entry);
                    if (TAR.test(basename(dest)))
                        archives.set(basename(dest), entry);
                    continue;
                }
                if (inst.keyword !== 'RUN' || archives.size === 0)
                    continue;
                const script = doc.shell(inst);
                if (!script)
                    continue;
                for (const cmd of script.commands) {
                    if (!extracts(cmd))
                        continue;
                    const file = cmd.args.find((a) => a.literal && archives.has(basename(a.value)));
                    if (!file)
                        continue;
                    const copied = archives.get(basename(file.value));
                    ctx.report({
                        message: `\`${basename(file.value)}\` is copied in by the COPY on line ${copied.inst.range.start.line} and extracted here: \`ADD\` extracts a local tar archive by itself, in one layer, without leaving the archive in the image.`,
                        range: doc.span(file.start, file.end).range,
                        fix: addFix(copied, cmd, script.commands.length, inst, list[k - 1])
                    });
                }
            }
        }
        /**
         * `COPY app.tar /tmp/app.tar` directly followed by `RUN tar -xf /tmp/app.tar -C /opt` (and
         * nothing else) becomes `ADD app.tar /opt/`.
         */
        function addFix(copied, cmd, count, run, previous) {
            if (count !== 1 || previous !== copied.inst || copied.inst.json || !copied.source)
                return undefined;
            if ((0,runs/* commandName */.p6)(cmd) !== 'tar' || run.flags.length > 0 || run.heredocs.length > 0)
                return undefined;
            if (copied.inst.flags.some((f) => f.name !== 'chown' && f.name !== 'chmod'))
                return undefined;
            let dir = (0,runs/* workdirBefore */.Cw)(run);
            let archive;
            const args = cmd.args;
            for (let i = 0; i < args.length; i++) {
                const a = args[i];
                if (!a.literal)
                    return undefined;
                if (a.value === '-C' || a.value === '--directory') {
                    dir = args[++i]?.value;
                    continue;
                }
                if (a.value.startsWith('--directory=')) {
                    dir = a.value.slice(12);
                    continue;
                }
                if (SIMPLE_TAR_FLAGS.test(a.value) && (i === 0 || a.value.startsWith('-')))
                    continue;
                if (archive !== undefined)
                    return undefined;
                archive = a.value;
            }
            // The archive must be exactly the file the COPY wrote, given by its absolute path.
            const written = copied.dest.endsWith('/')
                ? `${copied.dest}${basename(copied.source.value)}`
                : copied.dest;
            if (!archive || archive !== written || !written.startsWith('/'))
                return undefined;
            if (typeof dir !== 'string' || !/^\/[A-Za-z0-9_.@%+=:,/-]*$/.test(dir))
                return undefined;
            const target = dir.endsWith('/') ? dir : `${dir}/`;
            const flags = copied.inst.flags.map((f) => `${f.raw} `).join('');
            const inst = copied.inst;
            return {
                description: `Replace the COPY and the \`tar\` RUN with \`ADD ${copied.source.value} ${target}\` (the archive file is no longer left in the image; ADD keeps the ownership and modes stored in the archive).`,
                safe: false,
                edits: [
                    {
                        range: doc.span(inst.keywordSpan.start, inst.end).range,
                        text: `${keywordAs(inst, 'ADD')} ${flags}${copied.source.value} ${target}`
                    },
                    deleteInstruction(doc, run)
                ]
            };
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3011.ts

const PORT = /^(\d+)(?:-(\d+))?(?:\/\w*)?$/;
const DL3011 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3011',
    aliases: ['AVD-DS-0008'],
    severity: 'error',
    description: 'Valid UNIX ports range from 0 to 65535.',
    check(doc, ctx) {
        for (const inst of doc.instructions) {
            if (inst.keyword !== 'EXPOSE')
                continue;
            for (const arg of inst.args) {
                // `${PORT}`, `80-${END}`: unknown until build time.
                const m = PORT.exec(arg.value.replace(/^["']|["']$/g, ''));
                if (!m)
                    continue;
                const bad = [m[1], m[2]].filter((p) => p !== undefined && Number(p) > 65535);
                if (bad.length === 0)
                    continue;
                ctx.report({
                    message: `Port ${bad.map((p) => `\`${p}\``).join(' and ')} is out of range: ports go from 0 to 65535.`,
                    range: arg.range
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/lib/duplicates.ts

/**
 * Instructions where only the last one of a stage takes effect (CMD, ENTRYPOINT): every earlier
 * one is reported where it stands, with a fix that deletes it. Stages do not inherit each other's
 * duplicates; instructions before the first FROM count as one stage.
 */
function lastWins(doc, ctx, keyword) {
    const groups = new Map();
    for (const inst of doc.instructions) {
        if (inst.keyword !== keyword)
            continue;
        const key = inst.stage?.index ?? -1;
        const list = groups.get(key) ?? [];
        list.push(inst);
        groups.set(key, list);
    }
    for (const list of groups.values()) {
        const last = list[list.length - 1];
        for (const inst of list.slice(0, -1)) {
            ctx.report({
                message: `Only the last ${keyword} of a stage takes effect: this one is overridden by the ${keyword} on line ${last.range.start.line}.`,
                range: inst.keywordSpan.range,
                fix: {
                    description: `Delete this ${keyword}; the one on line ${last.range.start.line} replaces it anyway.`,
                    safe: true,
                    edits: [deleteInstruction(doc, inst)]
                }
            });
        }
    }
}

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3012.ts


const DL3012 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3012',
    aliases: ['AVD-DS-0023'],
    severity: 'error',
    fixable: true,
    description: 'Multiple `HEALTHCHECK` instructions.',
    check(doc, ctx) {
        lastWins(doc, ctx, 'HEALTHCHECK');
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3013.ts




const PIP = /^pip(\d+(\.\d+)*)?$/;
const PYTHON = /^python(\d+(\.\d+)*)?$/;
/** pip/pipx options that take a separate value (their value is not a package). */
const DL3013_VALUE_FLAGS = [
    'abi',
    'b',
    'build',
    'cache-dir',
    'cert',
    'client-cert',
    'config-settings',
    'C',
    'e',
    'editable',
    'exists-action',
    'extra-index-url',
    'f',
    'find-links',
    'global-option',
    'i',
    'index-url',
    'implementation',
    'install-option',
    'log',
    'no-binary',
    'only-binary',
    'platform',
    'prefix',
    'progress-bar',
    'proxy',
    'python',
    'python-version',
    'report',
    'retries',
    'root',
    'root-user-action',
    'src',
    't',
    'target',
    'timeout',
    'trusted-host',
    'upgrade-strategy',
    'pip-args',
    'suffix'
];
const VERSION = /===?|[<>!~]=|[<>]/;
/** The words after `install` of a pip / `python -m pip` / pipx install, or undefined. */
function installArgs(cmd) {
    const name = (0,runs/* commandName */.p6)(cmd);
    let args;
    if (PIP.test(name) || name === 'pipx')
        args = argsNoFlags(cmd, DL3013_VALUE_FLAGS);
    else if (PYTHON.test(name)) {
        const m = cmd.args.findIndex((a) => a.value === '-m');
        if (m === -1 || !PIP.test(cmd.args[m + 1]?.value ?? ''))
            return undefined;
        args = argsNoFlags({ ...cmd, args: cmd.args.slice(m + 2) }, DL3013_VALUE_FLAGS);
    }
    else
        return undefined;
    const at = args.findIndex((a) => a.value === 'install');
    // `pip download x install` is not an install; the subcommand comes first.
    if (at !== 0)
        return undefined;
    return args.slice(1);
}
function DL3013_pinned(spec) {
    if (VERSION.test(spec))
        return true;
    // VCS URLs pin with `@ref` in the path: git+https://host/repo.git@v1.0#egg=x
    if (/^[a-z]+\+[a-z]+:\/\//i.test(spec))
        return /@[^/]*$/.test(spec.split('#')[0]);
    // Local paths, archives and wheels name exactly what is installed.
    return spec === '.' || spec.includes('/') || /\.(whl|tar\.gz|tgz|tar\.bz2|zip)$/i.test(spec);
}
const DL3013 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3013',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    description: 'Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`.',
    check(doc, ctx) {
        const commands = (0,runs/* commandsMatching */.Sq)(doc, (n) => PIP.test(n) || PYTHON.test(n) || n === 'pipx');
        for (const { inst, cmd } of commands) {
            const words = installArgs(cmd);
            if (!words)
                continue;
            // Requirements and constraints files pin elsewhere.
            if (hasFlag(cmd, 'r', 'requirement', 'c', 'constraint'))
                continue;
            if (words.some((w) => w.value === '.'))
                continue;
            reportUnpinned(doc, ctx.report, inst, words, DL3013_pinned, (names, example) => `Pin versions in ${PYTHON.test((0,runs/* commandName */.p6)(cmd)) ? 'pip' : (0,runs/* commandName */.p6)(cmd)} install: ${names} (e.g. ${example.includes('://')
                ? `\`${example.split('#')[0]}@<tag or commit>\``
                : `\`${example}==<version>\``}, or install from a requirements/constraints file).`);
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3014.ts




/** apt-get's simulation flags (apt-get(8): `-s`, `--simulate`, `--just-print`, …). */
const SIMULATE = ['s', 'simulate', 'just-print', 'dry-run', 'recon', 'no-act'];
/** `-o APT::Get::Assume-Yes=true` answers yes like `-y`. */
const ASSUME_YES_OPTION = /APT::Get::Assume-Yes=(true|yes|1)$/i;
const DL3014 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3014',
    aliases: ['AVD-DS-0021'],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Use the `-y` switch to avoid manual input `apt-get -y install <package>`.',
    check(doc, ctx) {
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, 'apt-get')) {
            const install = findArg(cmd, ['install']);
            if (!install)
                continue;
            const flags = flagNames(cmd);
            // `-qq`, `-q -q`, `--quiet --quiet` and `-q=2` imply `-y`.
            const quiet = flags.filter((f) => f === 'q' || f === 'quiet').length >= 2;
            const q2 = cmd.args.some((a) => a.value === '-q=2' || a.value === '--quiet=2');
            if (flags.some((f) => ['y', 'yes', 'assume-yes'].includes(f)) || quiet || q2)
                continue;
            // A simulation (`-s`, `--dry-run`, …) only prints what would happen: it never prompts.
            if (flags.some((f) => SIMULATE.includes(f)))
                continue;
            if (cmd.args.some((a) => ASSUME_YES_OPTION.test(a.value)))
                continue;
            ctx.report({
                message: 'Use `apt-get install -y` so the build never waits for a confirmation.',
                range: doc.span(cmd.start, install.end).range,
                fix: (0,fixes/* withEffect */.yu)(fix('Insert `-y` after `install` (answers yes to apt-get prompts instead of aborting).', true, insertAfter(doc, install, '-y')), { kind: 'add-args', command: (0,runs/* commandName */.p6)(cmd), args: ['-y'] })
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3015.ts





/** `-o APT::Install-Recommends=false` (also as `--option=…`) does what the flag does. */
const NO_RECOMMENDS_OPTION = /APT::Install-Recommends=(false|0|no)$/i;
const DL3015 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3015',
    aliases: ['AVD-DS-0029'],
    severity: 'info',
    perInstruction: true,
    fixable: true,
    description: 'Avoid additional packages by specifying `--no-install-recommends`.',
    check(doc, ctx) {
        for (const { inst, cmd } of (0,runs/* commandsNamed */.i2)(doc, 'apt-get')) {
            const install = findArg(cmd, ['install']);
            if (!install || hasFlag(cmd, 'no-install-recommends'))
                continue;
            if (cmd.args.some((a) => NO_RECOMMENDS_OPTION.test(a.value)))
                continue;
            // ca-certificates is only a Recommends of curl/wget/git on Debian and Ubuntu: without it
            // every https download of the stage fails. Keep it when the stage downloads over https.
            const stage = (0,effects/* stageEffectOf */.br)(doc, inst);
            const keepCerts = stage?.https === true && !stage.packages.apt.installed.includes('ca-certificates');
            const last = cmd.args[cmd.args.length - 1];
            const edits = !keepCerts
                ? [insertAfter(doc, install, '--no-install-recommends')]
                : last === install
                    ? [insertAfter(doc, install, '--no-install-recommends ca-certificates')]
                    : [
                        insertAfter(doc, install, '--no-install-recommends'),
                        insertAfter(doc, last, 'ca-certificates')
                    ];
            ctx.report({
                message: 'Add `--no-install-recommends` to keep recommended (unneeded) packages out of the image.',
                range: doc.span(cmd.start, install.end).range,
                fix: (0,fixes/* withEffect */.yu)(fix(keepCerts
                    ? 'Insert `--no-install-recommends` after `install` and add `ca-certificates`, which the https downloads of this stage need (packages that were only recommended are no longer installed).'
                    : 'Insert `--no-install-recommends` after `install` (packages that were only recommended are no longer installed; add any the build needs explicitly).', true, ...edits), {
                    kind: 'add-args',
                    command: (0,runs/* commandName */.p6)(cmd),
                    args: keepCerts
                        ? ['--no-install-recommends', 'ca-certificates']
                        : ['--no-install-recommends']
                })
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3016.ts



const INSTALL = ['install', 'i', 'add'];
/** npm options that take a separate value. */
const DL3016_VALUE_FLAGS = [
    'loglevel',
    'registry',
    'prefix',
    'cache',
    'userconfig',
    'globalconfig',
    'tag',
    'w',
    'workspace',
    'omit',
    'include',
    'install-strategy',
    'save-prefix',
    'scope',
    'fetch-retries',
    'fetch-timeout',
    'maxsockets',
    'proxy',
    'https-proxy',
    'cafile',
    'location'
];
const GIT = /^git(\+(ssh|https?|file))?:\/\//;
const TARBALL = /\.(tar|tar\.gz|tgz)$/;
const FOLDER = /^(\/|\.\/|\.\.\/|~\/)/;
function DL3016_pinned(spec) {
    if (GIT.test(spec))
        return spec.includes('#');
    if (TARBALL.test(spec) || FOLDER.test(spec))
        return true;
    // `@scope/name@version`: the version `@` comes after the scope.
    return (spec.startsWith('@') ? spec.slice(1) : spec).includes('@');
}
const DL3016 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3016',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    description: 'Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`.',
    check(doc, ctx) {
        for (const { inst, cmd } of (0,runs/* commandsNamed */.i2)(doc, 'npm')) {
            const args = argsNoFlags(cmd, DL3016_VALUE_FLAGS);
            // The subcommand comes first (`npm run --x install` runs a script called install).
            if (!args[0] || !INSTALL.includes(args[0].value))
                continue;
            reportUnpinned(doc, ctx.report, inst, args.slice(1), DL3016_pinned, (names, example) => `Pin versions in npm install: ${names} (e.g. \`${example}@<version>\`; a bare \`npm install\`/\`npm ci\` uses the lock file).`);
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3018.ts



/** apk options that take a separate value. */
const DL3018_VALUE_FLAGS = [
    't',
    'virtual',
    'X',
    'repository',
    'repositories-file',
    'p',
    'root',
    'keys-dir',
    'cache-dir',
    'arch'
];
/** `name=1.2-r0`, `name~1.2`, `name>1.2`, `name<2`; `.apk` files; `!name` forbids a package. */
function DL3018_pinned(spec) {
    return /[=~<>]/.test(spec) || spec.endsWith('.apk') || spec.startsWith('!');
}
const DL3018 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3018',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    description: 'Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`.',
    check(doc, ctx) {
        for (const { inst, cmd } of (0,runs/* commandsNamed */.i2)(doc, 'apk')) {
            const add = findArg(cmd, ['add']);
            if (!add)
                continue;
            const words = argsNoFlags(cmd, DL3018_VALUE_FLAGS).filter((w) => w !== add && w.start > add.start);
            reportUnpinned(doc, ctx.report, inst, words, DL3018_pinned, (names, example) => `Pin versions in apk add: ${names} (e.g. \`${example}=<version>\`, or \`${example}~<major.minor>\` to follow patch releases).`);
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3019.ts





const APK_CACHE = /^\/var\/cache\/apk(\/\*?)?$/;
const DL3019 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3019',
    aliases: ['AVD-DS-0025'],
    severity: 'info',
    perInstruction: true,
    fixable: true,
    description: 'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages.',
    check(doc, ctx) {
        for (const { inst, script, cmd } of (0,runs/* commandsNamed */.i2)(doc, 'apk')) {
            const add = findArg(cmd, ['add']);
            // `--no-network` reads no index at all: nothing is cached.
            if (!add || hasFlag(cmd, 'no-cache', 'no-network'))
                continue;
            if ((0,runs/* cacheMountTargets */.ug)(inst).includes('/var/cache/apk'))
                continue;
            // Cleaning the cache later in the same RUN has the same effect.
            const cleaned = script.commands.some((c) => c.index > cmd.index &&
                (0,runs/* commandName */.p6)(c) === 'rm' &&
                c.args.some((a) => APK_CACHE.test(a.value)));
            if (cleaned)
                continue;
            ctx.report({
                message: 'Use `apk add --no-cache`: the package index is otherwise kept in `/var/cache/apk` in this layer.',
                range: doc.span(cmd.start, add.end).range,
                fix: (0,fixes/* withEffect */.yu)(fix('Insert `--no-cache` after `add` (fetches a fresh index and keeps none in the layer).', true, insertAfter(doc, add, '--no-cache')), { kind: 'add-args', command: (0,runs/* commandName */.p6)(cmd), args: ['--no-cache'] })
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3020.ts


const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|lz|lzma|z|zst)|tgz|tb2|tbz|tbz2|tpz|tlz|txz|tz|gz|bz2|xz|lz|lzma|z|zst)$/i;
/** Flags only ADD understands: converting to COPY would break the build. */
const ADD_ONLY = new Set(['checksum', 'keep-git-dir', 'unpack']);
const DL3020 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3020',
    aliases: ['AVD-DS-0005', 'CKV_DOCKER_4'],
    severity: 'error',
    fixable: true,
    description: 'Use COPY instead of ADD for files and folders.',
    check(doc, ctx) {
        for (const inst of doc.instructions) {
            if (inst.keyword !== 'ADD' || inst.heredocs.length > 0)
                continue;
            const words = inst.json ? inst.json.items : inst.args;
            const sources = words.slice(0, -1);
            const local = sources.filter((w) => {
                let value = w.value.replace(/^["']|["']$/g, '');
                if (value.includes('$')) {
                    // `ADD $URL /x`: judge the value the variable has here; unknown values may be URLs.
                    const expanded = (0,variables/* expandVariables */.i7)(value, doc.variables(inst));
                    if (expanded.unresolved)
                        return false;
                    value = expanded.value;
                }
                return (!/^(https?|git|ssh):\/\//i.test(value) && !/^git@/.test(value) && !ARCHIVE.test(value));
            });
            if (local.length === 0)
                continue;
            const convertible = !inst.flags.some((f) => ADD_ONLY.has(f.name));
            const keyword = inst.keywordText === inst.keywordText.toLowerCase() ? 'copy' : 'COPY';
            ctx.report({
                message: `Use COPY instead of ADD for ${local.map((w) => `\`${w.value}\``).join(', ')}: ADD's URL and auto-extract magic is not needed here.`,
                range: inst.keywordSpan.range,
                fix: convertible
                    ? {
                        description: 'Replace `ADD` with `COPY`.',
                        safe: true,
                        edits: [{ range: inst.keywordSpan.range, text: keyword }]
                    }
                    : undefined
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3021.ts

const QUOTED = /^(["']).*\1$/s;
const DL3021 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3021',
    aliases: ['AVD-DS-0011'],
    severity: 'error',
    fixable: true,
    description: 'COPY with more than 2 arguments requires the last argument to end with `/`.',
    check(doc, ctx) {
        for (const top of doc.instructions) {
            const inst = top.trigger ?? top;
            if (inst.keyword !== 'COPY')
                continue;
            const words = inst.json ? inst.json.items : inst.args;
            if (words.length < 3)
                continue;
            const dest = words[words.length - 1];
            let value = inst.json ? dest.value : dest.value.replace(/^(["'])(.*)\1$/, '$2');
            if (!inst.json && value.includes('$')) {
                // `COPY a b $DEST`: judge the value the variable has here, when it is known.
                const vars = doc.variables(inst);
                const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(value);
                const known = m ? vars.get(m[1]) : undefined;
                if (typeof known !== 'string')
                    continue;
                value = known;
            }
            if (value.endsWith('/') || value.endsWith('\\'))
                continue;
            // `.` (the working directory) and `..` name directories: BuildKit appends the separator.
            if (/(^|[/\\])\.\.?$/.test(value))
                continue;
            // Insert the slash before a closing quote (JSON or shell quotes) — only of a quoted word:
            // a lone trailing quote (`COPY a "b c/"` splits into `"b` and `c/"`) is part of the value.
            const raw = doc.text.slice(dest.start, dest.end);
            const closing = inst.json || QUOTED.test(raw) ? 1 : 0;
            const at = doc.lines.position(dest.end - closing);
            const plain = !dest.value.includes('$');
            ctx.report({
                message: `COPY with ${words.length - 1} sources needs a directory destination ending in \`/\`: \`${dest.value}\`.`,
                range: dest.range,
                fix: plain
                    ? {
                        description: 'Append `/` to the destination.',
                        safe: true,
                        edits: [{ range: { start: at, end: at }, text: '/' }]
                    }
                    : undefined
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3022.ts




const DL3022 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3022',
    aliases: [],
    severity: 'warning',
    fixable: true,
    description: '`COPY --from` should reference a previously defined `FROM` alias.',
    check(doc, ctx) {
        // The first stage of each name, built once (a lookup per COPY keeps huge files linear).
        const firstByName = new Map();
        for (const s of doc.stages)
            if (s.name !== undefined && !firstByName.has(s.name))
                firstByName.set(s.name, s);
        for (const inst of doc.instructions) {
            if (inst.keyword !== 'COPY')
                continue;
            const flag = inst.flags.find((f) => f.name === 'from');
            if (!flag?.value || !flag.valueSpan)
                continue;
            // Instructions before any FROM have no earlier stage at all.
            const index = inst.stage?.index ?? 0;
            let ref = flag.value;
            if (ref.includes('$')) {
                // `--from=$BUILDER`: judge the value the variable has here; unknown values pass.
                const { value, unresolved } = (0,variables/* expandVariables */.i7)(ref, doc.variables(inst));
                if (unresolved)
                    continue;
                ref = value;
            }
            const name = ref.toLowerCase();
            if (/^\d+$/.test(name)) {
                if (Number(name) < index)
                    continue;
                ctx.report({
                    message: `\`--from=${ref}\` names stage ${name}, but only ${index} stage${index === 1 ? '' : 's'} come${index === 1 ? 's' : ''} before this one (stages count from 0).`,
                    range: flag.valueSpan.range
                });
                continue;
            }
            const first = firstByName.get(name);
            // Its own stage is DL3023's business.
            if ((first && first.index < index) || name === inst.stage?.name)
                continue;
            // A reference with a registry, tag or digest is an image (DL3026 judges registries).
            if (/[:/@]/.test(name))
                continue;
            // The first stage of that name is this one or later; this one's name is not it.
            const later = first;
            if (later) {
                ctx.report({
                    message: `Stage \`${ref}\` is defined later (line ${later.from.range.start.line}); \`COPY --from\` can only use earlier stages (otherwise it pulls an image called \`${ref}\`).`,
                    range: flag.valueSpan.range
                });
                continue;
            }
            // A bake named context, a folder with the Dockerfile that builds it, a stage of a sibling
            // Dockerfile built alongside: provided by the build, not pulled.
            if (localImage(doc.path, ref, ctx.workspace, 'copy-source'))
                continue;
            const names = doc.stages
                .slice(0, index)
                .map((s) => s.name)
                .filter((n) => n !== undefined);
            const hint = (0,similar/* closest */.kp)(name, names);
            ctx.report({
                message: hint
                    ? `No earlier stage is called \`${ref}\`: did you mean \`${hint}\`? (Otherwise this pulls the image \`${ref}:latest\`.)`
                    : `No earlier stage is called \`${ref}\`: unless the build passes \`--build-context ${ref}=…\`, this pulls the image \`${ref}:latest\`; name a stage \`AS ${ref}\`, or tag the image.`,
                range: flag.valueSpan.range,
                fix: hint && !flag.value.includes('$')
                    ? {
                        description: `Copy from stage \`${hint}\` instead (the build no longer pulls an image called \`${ref}\`).`,
                        safe: false,
                        edits: [{ range: flag.valueSpan.range, text: hint }]
                    }
                    : undefined
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3023.ts

const DL3023 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3023',
    aliases: ['AVD-DS-0006'],
    severity: 'error',
    description: '`COPY --from` cannot reference its own `FROM` alias.',
    check(doc, ctx) {
        for (const stage of doc.stages) {
            for (const inst of stage.instructions) {
                if (inst.keyword !== 'COPY')
                    continue;
                const flag = inst.flags.find((f) => f.name === 'from');
                if (!flag?.value || !flag.valueSpan)
                    continue;
                const ref = flag.value.toLowerCase();
                const self = ref === stage.name || ref === String(stage.index);
                if (!self)
                    continue;
                ctx.report({
                    message: `\`COPY --from=${flag.value}\` names the stage it is in: a stage cannot copy from itself.`,
                    range: flag.valueSpan.range
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3024.ts

const DL3024 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3024',
    aliases: ['DuplicateStageName', 'AVD-DS-0012', 'CKV_DOCKER_11'],
    severity: 'error',
    description: 'FROM aliases (stage names) must be unique.',
    check(doc, ctx) {
        const seen = new Map();
        for (const stage of doc.stages) {
            if (stage.name === undefined || !stage.nameSpan)
                continue;
            const first = seen.get(stage.name);
            if (!first) {
                seen.set(stage.name, stage);
                continue;
            }
            ctx.report({
                message: `Stage name \`${stage.name}\` is already used on line ${first.from.range.start.line} (stage names are case-insensitive); rename one of them.`,
                range: stage.nameSpan.range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/dockerfile/parents.ts






const COMPOSE_FILE = /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i;
const BAKE_JSON = /^docker-bake(\.[\w-]+)?\.json$/i;
/** How far parents are followed (a parent of a parent …). */
const MAX_DEPTH = 4;
/** `docker.io/library/node` → `node`, a missing tag → `:latest`, digests dropped. */
function normalizeImage(ref) {
    let r = ref.trim().toLowerCase();
    if (r === '' || r.includes('$') || /\s/.test(r))
        return undefined;
    const at = r.indexOf('@');
    if (at !== -1)
        r = r.slice(0, at);
    r = r
        .replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
        .replace(/^library\//, '');
    const slash = r.lastIndexOf('/');
    return r.lastIndexOf(':') > slash ? r : `${r}:latest`;
}
const isObj = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
/** image → Dockerfile paths declared by one compose file. */
function composeImages(path, text, out) {
    let data;
    try {
        data = yamlDocument(text, { uniqueKeys: false }).toJS({ maxAliasCount: 100 });
    }
    catch {
        return;
    }
    if (!isObj(data) || !isObj(data.services))
        return;
    for (const service of Object.values(data.services)) {
        if (!isObj(service) || typeof service.image !== 'string')
            continue;
        const build = typeof service.build === 'string' ? { context: service.build } : service.build;
        if (!isObj(build) || typeof build.dockerfile_inline === 'string')
            continue;
        const context = typeof build.context === 'string' ? build.context : '.';
        const dockerfile = typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile';
        if (/^[a-z][a-z0-9+.-]*:/i.test(context) || [context, dockerfile].some((p) => p.includes('$')))
            continue;
        add(out, service.image, (0,core_paths/* join */.fj)((0,core_paths/* join */.fj)((0,core_paths/* dirname */.pD)(path), context), dockerfile));
    }
}
/** image → Dockerfile paths declared by the targets of one `docker-bake.json`. */
function bakeImages(path, text, out) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        return;
    }
    if (!isObj(data) || !isObj(data.target))
        return;
    for (const target of Object.values(data.target)) {
        if (!isObj(target) || !Array.isArray(target.tags))
            continue;
        const context = typeof target.context === 'string' ? target.context : '.';
        const dockerfile = typeof target.dockerfile === 'string' ? target.dockerfile : 'Dockerfile';
        if (/^[a-z][a-z0-9+.-]*:/i.test(context) || [context, dockerfile].some((p) => p.includes('$')))
            continue;
        for (const tag of target.tags) {
            if (typeof tag === 'string')
                add(out, tag, (0,core_paths/* join */.fj)((0,core_paths/* join */.fj)((0,core_paths/* dirname */.pD)(path), context), dockerfile));
        }
    }
}
function add(out, image, dockerfile) {
    const name = normalizeImage(image);
    if (!name || dockerfile.startsWith('/') || dockerfile.startsWith('..'))
        return;
    const set = out.get(name) ?? new Set();
    set.add(dockerfile);
    out.set(name, set);
}
const caches = new WeakMap();
function cacheOf(workspace) {
    let cache = caches.get(workspace);
    if (!cache)
        caches.set(workspace, (cache = { folders: new Map(), docs: new Map() }));
    return cache;
}
/** Images named by the compose and bake files of one folder. */
function folderImages(workspace, folder) {
    const cache = cacheOf(workspace);
    let images = cache.folders.get(folder);
    if (images)
        return images;
    images = new Map();
    for (const name of workspace.listDir(folder) ?? []) {
        const compose = COMPOSE_FILE.test(name);
        if (!compose && !BAKE_JSON.test(name))
            continue;
        const path = folder === '' ? name : `${folder}/${name}`;
        const text = workspace.readFile(path);
        if (text === undefined)
            continue;
        if (compose)
            composeImages(path, text, images);
        else
            bakeImages(path, text, images);
    }
    cache.folders.set(folder, images);
    return images;
}
/** The folder of `path` and every folder above it, nearest first (`''` is the root). */
function parents_foldersUp(path) {
    const out = [];
    let dir = (0,core_paths/* dirname */.pD)(path);
    for (;;) {
        out.push(dir);
        if (dir === '')
            return out;
        dir = (0,core_paths/* dirname */.pD)(dir);
    }
}
function readDockerfile(workspace, path) {
    const cache = cacheOf(workspace);
    if (cache.docs.has(path))
        return cache.docs.get(path);
    const text = workspace.readFile(path);
    let doc;
    try {
        doc = text === undefined ? undefined : (0,model/* parseDockerfile */.A)(path, text);
    }
    catch {
        doc = undefined;
    }
    cache.docs.set(path, doc);
    return doc;
}
/**
 * The Dockerfile in the workspace that builds the base image of `stage`'s lineage, or undefined.
 * The nearest folder naming the image decides; a name it maps to two Dockerfiles is no answer.
 */
function localParent(doc, stage, workspace) {
    if (!workspace || !stage)
        return undefined;
    let root = stage;
    while (root.parent)
        root = root.parent;
    if (root.image.unresolved)
        return undefined;
    const name = normalizeImage(root.image.expanded);
    if (!name || name === 'scratch:latest')
        return undefined;
    for (const folder of parents_foldersUp(doc.path)) {
        const paths = folderImages(workspace, folder).get(name);
        if (!paths)
            continue;
        if (paths.size !== 1)
            return undefined;
        const [path] = paths;
        if (path === doc.path)
            return undefined;
        const parent = readDockerfile(workspace, path);
        return parent && parent.stages.length > 0 ? { path, doc: parent, via: folder } : undefined;
    }
    return undefined;
}
/**
 * The chain of local parents of a Dockerfile's final image, nearest first: the parent's final
 * stage, its own parent's, … (at most MAX_DEPTH, never a file twice).
 */
function localAncestry(doc, stage, workspace) {
    const out = [];
    const seen = new Set([doc.path]);
    let current = localParent(doc, stage, workspace);
    while (current && out.length < MAX_DEPTH && !seen.has(current.path)) {
        out.push(current);
        seen.add(current.path);
        const last = current.doc.stages[current.doc.stages.length - 1];
        current = localParent(current.doc, last, workspace);
    }
    return out;
}
/** The USER, HEALTHCHECK and base image `stage`'s lineage inherits from local parents. */
function inherited(doc, stage, workspace) {
    const parents = localAncestry(doc, stage, workspace);
    const out = { parents, user: undefined, healthcheck: undefined, baseImage: undefined };
    for (const p of parents) {
        const insts = (0,stages/* finalInstructions */._7)(p.doc).map((i) => i.trigger ?? i);
        const user = insts.filter((i) => i.keyword === 'USER').pop();
        out.user ??= user?.args[0]?.value;
        const health = insts.filter((i) => i.keyword === 'HEALTHCHECK').pop();
        out.healthcheck ??= health
            ? health.args[0]?.value.toUpperCase() === 'NONE'
                ? 'none'
                : 'cmd'
            : undefined;
    }
    const far = parents[parents.length - 1];
    const root = far ? (0,stages/* lineage */.OZ)(far.doc.stages[far.doc.stages.length - 1]).pop() : undefined;
    if (root && !root.image.unresolved)
        out.baseImage = root.image.expanded;
    return out;
}
/**
 * What `stage`'s base image is made of (see distro.ts), through local parents when its own image
 * name does not tell (`FROM acme/base` that a compose file of the repository builds from Alpine).
 */
function stageDistroIn(doc, stage, workspace) {
    const own = (0,dockerfile_distro/* stageDistro */["in"])(stage);
    if (own.family !== 'unknown' || !workspace)
        return own;
    const base = inherited(doc, stage, workspace).baseImage;
    // Declared builds first (compose, bake); then the looser local-image reading (a folder or a
    // sibling Dockerfile's stage of that name), which only ever answers a distro question.
    return base ? (0,dockerfile_distro/* imageDistro */.Fg)(base) : localStageDistro(stage, doc.path, workspace);
}

// EXTERNAL MODULE: ./src/parse/shell.ts + 2 modules
var shell = __webpack_require__(5311);
;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3025.ts




/** Words that mean nothing special to a shell: safe to pass to the process as they are. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** Interactive shells and script runners: the process is a shell either way, signals or not. */
const SHELL_PROGRAM = /^(?:\/usr)?(?:\/bin\/)?(?:sh|bash|ash|dash|zsh|ksh)$/;
/**
 * The one simple command of a shell-form CMD/ENTRYPOINT when that is all it is: no operators,
 * lists, pipes, redirections or assignments around it. Undefined when the text needs more of the
 * shell than running one program.
 */
function loneCommand(text) {
    const script = (0,shell/* parseShell */.aV)(text, (i) => i);
    if (script.error || script.commands.length !== 1)
        return undefined;
    const cmd = script.commands[0];
    if (cmd.assigns.length > 0 || cmd.words.length === 0)
        return undefined;
    // Between and around the words only blanks and line continuations.
    let last = 0;
    for (const w of cmd.words) {
        if (!/^(?:\s|\\\r?\n)*$/.test(text.slice(last, w.start)))
            return undefined;
        last = w.end;
    }
    return /^(?:\s|\\\r?\n)*$/.test(text.slice(last)) ? cmd : undefined;
}
/**
 * The exec form of a lone command when the shell adds nothing: plain words only (no quotes,
 * variables or globs).
 */
function execForm(doc, inst, text, cmd) {
    if (doc.escape !== '\\')
        return undefined;
    const shell = doc.shellOf(inst);
    if (shell.length !== 2 || shell[0] !== '/bin/sh' || shell[1] !== '-c')
        return undefined;
    if (!cmd.words.every((w) => w.literal && PLAIN_WORD.test(w.raw)))
        return undefined;
    const json = `[${cmd.words.map((w) => JSON.stringify(w.value)).join(', ')}]`;
    return {
        description: inst.keyword === 'ENTRYPOINT'
            ? `Rewrite as \`ENTRYPOINT ${json}\`: the process runs without \`/bin/sh -c\` and receives signals; a CMD (here or in the base image) is then passed to it as arguments instead of being ignored.`
            : `Rewrite as \`CMD ${json}\`: the process runs without \`/bin/sh -c\` (so it receives signals directly and no shell is needed in the image).`,
        safe: false,
        edits: [
            {
                range: doc.span(inst.offsetAt(0), inst.offsetAt(text.trimEnd().length - 1) + 1).range,
                text: json
            }
        ]
    };
}
/**
 * Does the shell that runs the shell form exec a lone command (so the process gets SIGTERM)?
 * True for bash and BusyBox ash, false for dash; undefined when the image or SHELL is unknown.
 */
function shellExecs(doc, inst, distro) {
    const shell = doc.shellOf(inst);
    if (shell.length !== 2 || shell[1] !== '-c')
        return undefined;
    const program = (0,dockerfile_distro/* shProgram */.id)(distro, shell[0]);
    return program === undefined ? undefined : (0,dockerfile_distro/* execsLoneCommand */.Qi)(program);
}
const DL3025 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3025',
    aliases: ['JSONArgsRecommended'],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments.',
    check(doc, ctx) {
        for (const inst of doc.instructions) {
            // HEALTHCHECK CMD is a probe the engine runs and waits for: no signal is sent to it.
            if (inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT')
                continue;
            if (inst.json || inst.text.trim() === '')
                continue;
            const range = doc.span(inst.offsetAt(0), inst.offsetAt(inst.text.trimEnd().length - 1) + 1).range;
            if (inst.text.trimStart().startsWith('[')) {
                // Meant as JSON but not valid JSON (a missing quote or comma): Docker runs the text as a
                // shell command, brackets included.
                ctx.report({
                    message: `This ${inst.keyword} is not valid JSON, so it runs in shell form: \`/bin/sh -c\` gets the text with its brackets and quotes. Fix the JSON array.`,
                    range
                });
                continue;
            }
            // A script that needs the shell (`a && b`, `> log`, `$VAR`) keeps it in JSON form too
            // (`["sh", "-c", …]`); the advice would be `exec` before its last command, not this rule.
            const cmd = loneCommand(inst.text);
            if (!cmd || !cmd.words.every((w) => w.literal))
                continue;
            // A shell as the command (`CMD /bin/bash`, `CMD bash ./run.sh`) is a shell in either form.
            if (SHELL_PROGRAM.test(cmd.words[0].value))
                continue;
            // The base image, through a parent the repository builds (`FROM base`, core/base/Dockerfile).
            const distro = stageDistroIn(doc, inst.stage, ctx.workspace);
            const execs = shellExecs(doc, inst, distro);
            if (execs && inst.keyword === 'CMD')
                continue;
            const noShell = distro.shells?.length === 0;
            ctx.report({
                // Measured on dash images; where the shell is not known (an image this linter cannot
                // place) it may well be BusyBox or bash, which exec the command: not inline by default.
                ...(execs === undefined && !noShell ? { precision: 'medium' } : {}),
                ...(execs === true ? { precision: 'medium' } : {}),
                message: noShell
                    ? `Use JSON (exec) form for ${inst.keyword}: the image has no \`/bin/sh\`, so the shell form cannot start.`
                    : execs
                        ? 'Use JSON (exec) form for ENTRYPOINT: in shell form it ignores CMD and the arguments of `docker run`.'
                        : `Use JSON (exec) form for ${inst.keyword}: in shell form the process runs under \`/bin/sh -c\`${execs === false ? ", which this image's /bin/sh (dash) keeps as PID 1," : ''} and does not receive SIGTERM.`,
                range,
                fix: execForm(doc, inst, inst.text, cmd)
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3026.ts



/** Names of Docker Hub: an image without a registry comes from there. */
const DOCKER_HUB = new Set([
    'docker.io',
    'hub.docker.com',
    'index.docker.io',
    'registry-1.docker.io'
]);
function trusted(registry, patterns) {
    const hub = DOCKER_HUB.has(registry);
    return patterns.some((p) => {
        if (p === '*')
            return true;
        if (hub && DOCKER_HUB.has(p))
            return true;
        if (p.startsWith('*.'))
            return registry.endsWith(p.slice(1));
        if (p.endsWith('*'))
            return registry.startsWith(p.slice(0, -1));
        return registry === p;
    });
}
const DL3026 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3026',
    aliases: [],
    severity: 'error',
    description: 'Use only an allowed registry in the `FROM` image.',
    check(doc, ctx) {
        const patterns = ctx.settings.trustedRegistries;
        if (patterns.length === 0)
            return;
        const check = (raw, vars, span, what) => {
            const image = (0,dockerfile_image/* parseImageRef */.Q)(raw, vars);
            if (image.unresolved || image.expanded === 'scratch' || image.expanded === '')
                return;
            const registry = image.registry ?? 'docker.io';
            if (trusted(registry, patterns))
                return;
            ctx.report({
                message: `${what} \`${image.expanded}\` comes from \`${registry}\`, which is not a trusted registry (${patterns.map((p) => `\`${p}\``).join(', ')}).`,
                range: span.range
            });
        };
        const isStage = (ref, index) => {
            const name = ref.toLowerCase();
            if (/^\d+$/.test(name))
                return true;
            return doc.stages.some((s) => s.index < index && s.name === name);
        };
        for (const stage of doc.stages) {
            const token = stage.from.args[0];
            if (token && !stage.parent)
                check(token.value, doc.globalArgs, token, 'Image');
        }
        // COPY --from=<image> and RUN --mount=from=<image>, before the first FROM too.
        for (const inst of doc.instructions) {
            for (const flag of inst.flags) {
                if (!flag.value || !flag.valueSpan)
                    continue;
                let ref;
                let span = flag.valueSpan;
                if (flag.name === 'from' && inst.keyword === 'COPY')
                    ref = flag.value;
                else if (flag.name === 'mount' && inst.keyword === 'RUN') {
                    const m = /(?:^|,)from=([^,]+)/.exec(flag.value);
                    if (!m)
                        continue;
                    ref = m[1];
                    const at = flag.raw.indexOf(`from=${ref}`);
                    if (at !== -1) {
                        const start = flag.start + at + 5;
                        span = doc.span(start, start + ref.length);
                    }
                }
                if (!ref)
                    continue;
                const expanded = (0,variables/* expandVariables */.i7)(ref, doc.variables(inst));
                if (expanded.unresolved || isStage(expanded.value, inst.stage?.index ?? 0))
                    continue;
                check(expanded.value, new Map(), span, 'Image');
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3027.ts




/** `apt` subcommands and their scripting equivalents: [program, subcommand, extra flag]. */
const EQUIVALENT = {
    install: ['apt-get', 'install'],
    reinstall: ['apt-get', 'reinstall'],
    remove: ['apt-get', 'remove'],
    purge: ['apt-get', 'purge'],
    autoremove: ['apt-get', 'autoremove'],
    autopurge: ['apt-get', 'autopurge'],
    update: ['apt-get', 'update'],
    // apt's upgrade installs new dependencies, like apt-get's --with-new-pkgs.
    upgrade: ['apt-get', 'upgrade', '--with-new-pkgs'],
    'full-upgrade': ['apt-get', 'dist-upgrade'],
    'dist-upgrade': ['apt-get', 'dist-upgrade'],
    clean: ['apt-get', 'clean'],
    autoclean: ['apt-get', 'autoclean'],
    'build-dep': ['apt-get', 'build-dep'],
    source: ['apt-get', 'source'],
    download: ['apt-get', 'download'],
    changelog: ['apt-get', 'changelog'],
    satisfy: ['apt-get', 'satisfy'],
    check: ['apt-get', 'check'],
    search: ['apt-cache', 'search'],
    show: ['apt-cache', 'show'],
    showsrc: ['apt-cache', 'showsrc'],
    policy: ['apt-cache', 'policy'],
    depends: ['apt-cache', 'depends'],
    rdepends: ['apt-cache', 'rdepends'],
    madison: ['apt-cache', 'madison'],
    showpkg: ['apt-cache', 'showpkg'],
    pkgnames: ['apt-cache', 'pkgnames']
};
/** apt options that take a separate value. */
const DL3027_VALUE_FLAGS = ['o', 'option', 'c', 'config-file', 't', 'target-release'];
const DL3027 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3027',
    aliases: ['CKV_DOCKER_9'],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead.',
    check(doc, ctx) {
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, 'apt')) {
            const apt = cmd.words[0];
            const sub = argsNoFlags(cmd, DL3027_VALUE_FLAGS)[0];
            const eq = sub?.literal ? EQUIVALENT[sub.value] : undefined;
            let edit;
            if (sub && eq) {
                const [program, subcommand, extra] = eq;
                // Replacing the subcommand and inserting after it never happen together (see the table).
                const edits = [replaceWord(doc, apt, program)];
                if (subcommand !== sub.value)
                    edits.push(replaceWord(doc, sub, subcommand));
                if (extra)
                    edits.push(insertAfter(doc, sub, extra));
                edit = (0,fixes/* withEffect */.yu)(fix(`Use \`${program} ${subcommand}${extra ? ` ${extra}` : ''}\` (the same operation with a stable, non-interactive interface).`, true, ...edits), {
                    kind: 'replace-words',
                    command: (0,runs/* commandName */.p6)(cmd),
                    from: [apt.value, sub.value],
                    to: [program, subcommand, ...(extra ? [extra] : [])]
                });
            }
            ctx.report({
                message: `\`apt\` is meant for interactive use and warns that its command line may change; use ${eq ? `\`${eq[0]}\`` : '`apt-get` or `apt-cache`'} in scripts.`,
                range: doc.span(apt.start, apt.end).range,
                fix: edit
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3028.ts



/** gem install options that take a separate value. */
const DL3028_VALUE_FLAGS = new Set([
    'i',
    'install-dir',
    'n',
    'bindir',
    's',
    'source',
    'platform',
    'build-root',
    'p',
    'http-proxy',
    'g',
    'file',
    'document',
    'target-rbconfig'
]);
const DL3028 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3028',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    description: 'Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`.',
    check(doc, ctx) {
        for (const { inst, cmd } of (0,runs/* commandsNamed */.i2)(doc, 'gem')) {
            const args = cmd.args;
            const at = args.findIndex((a) => a.value === 'install' || a.value === 'i');
            if (at === -1 || args.slice(0, at).some((a) => !isFlag(a)))
                continue;
            const gems = [];
            let versioned = false;
            for (let i = at + 1; i < args.length; i++) {
                const w = args[i];
                const v = w.value;
                if (v === '--')
                    break; // build options for native extensions follow
                if (v === '-v' || v === '--version' || v.startsWith('--version='))
                    versioned = true;
                if (!isFlag(w)) {
                    gems.push(w);
                    continue;
                }
                if (v.includes('='))
                    continue;
                const name = v.replace(/^--?/, '');
                // A value flag, or an unknown option followed by a boolean (`--use-system-libraries true`).
                if (DL3028_VALUE_FLAGS.has(name) || v === '-v' || v === '--version')
                    i++;
                else if (v.startsWith('--') && /^(true|false)$/.test(args[i + 1]?.value ?? ''))
                    i++;
            }
            if (versioned)
                continue;
            reportUnpinned(doc, ctx.report, inst, gems, (spec) => spec.includes(':') || spec.endsWith('.gem'), (names, example) => `Pin versions in gem install: ${names} (e.g. \`${example}:<version>\`, or \`-v <version>\`).`);
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3029.ts


const DL3029 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3029',
    aliases: ['FromPlatformFlagConstDisallowed'],
    severity: 'warning',
    fixable: true,
    description: 'Do not use `--platform` flag with `FROM`.',
    check(doc, ctx) {
        for (const stage of doc.stages) {
            const flag = stage.from.flags.find((f) => f.name === 'platform');
            if (!flag || flag.value === null)
                continue;
            // `$BUILDPLATFORM` / `$TARGETPLATFORM` (any spelling) follow the build; constants do not.
            if (/BUILDPLATFORM|TARGETPLATFORM/.test(flag.value))
                continue;
            // BuildKit: a stage named after its platform (`AS build-arm64`) pins it on purpose.
            const [os, arch] = flag.value.toLowerCase().split('/');
            const name = stage.name ?? '';
            if (name && ((os && name.includes(os)) || (arch && name.includes(arch))))
                continue;
            ctx.report({
                message: `\`FROM --platform=${flag.value}\` pins the platform: the image no longer follows \`docker build --platform\` (use \`$BUILDPLATFORM\`/\`$TARGETPLATFORM\`, or drop the flag).`,
                range: flag.range,
                fix: {
                    description: 'Remove the `--platform` flag (the stage is then built for the target platform of the build instead of the fixed one).',
                    safe: false,
                    edits: [deleteFlag(doc, flag)]
                }
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3030.ts




const SUBCOMMANDS = ['install', 'groupinstall', 'localinstall'];
const DL3030 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3030',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Use the -y switch to avoid manual input `yum install -y <package>`.',
    check(doc, ctx) {
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, 'yum')) {
            const sub = findArg(cmd, SUBCOMMANDS);
            if (!sub || flagNames(cmd).some((f) => f === 'y' || f === 'assumeyes'))
                continue;
            ctx.report({
                message: `Use \`yum ${sub.value} -y\` so the build never waits for a confirmation.`,
                range: doc.span(cmd.start, sub.end).range,
                fix: (0,fixes/* withEffect */.yu)(fix(`Insert \`-y\` after \`${sub.value}\` (answers yes instead of aborting).`, true, insertAfter(doc, sub, '-y')), { kind: 'add-args', command: 'yum', args: ['-y'] })
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/lib/packages.ts

/**
 * Package-manager vocabulary for the yum / dnf / zypper / yarn rules: which words are packages,
 * when a package is version-pinned, which commands clean a cache later in the same RUN, and how
 * to read an option's value.
 */
/** A word that is only a variable (`$PKGS`, `"${PACKAGES}"`): its packages are unknown. */
const ONLY_VARIABLE = /^["']?\$(\{[A-Za-z_][A-Za-z0-9_]*[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)["']?$/;
const VARIABLE_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
const VERSION_PART = /^[A-Za-z0-9.~^_:+]+$/;
function onlyVariable(word) {
    return !word.literal && ONLY_VARIABLE.test(word.raw);
}
/** Names of the variables a word references. */
function variablesIn(raw) {
    const out = [];
    for (const m of raw.matchAll(VARIABLE_REF))
        out.push(m[1] ?? m[2]);
    return out;
}
/**
 * An RPM package spec that names a version: `name-1.2`, `name-1:1.2-3.el9`, `gcc-c++-12`, or a
 * `.rpm` file: after some `-`, every dash-separated part is version-like and the first one starts
 * with a digit (`python3-pip` names no version).
 */
function rpmPinned(spec) {
    if (spec.endsWith('.rpm'))
        return true;
    const parts = spec.split('-');
    if (parts.length <= 1)
        return false;
    const rest = parts.slice(1);
    // Package names may themselves contain dashes (`rpm-sign-4.16`): the version is the tail.
    for (let k = 0; k < rest.length; k++) {
        const tail = rest.slice(k);
        if (tail.every((p) => VERSION_PART.test(p)) && /^\d/.test(tail[0]))
            return true;
    }
    return false;
}
/** `name=1.2`, `name>=1.2`, `name<2` or a `.rpm` file (zypper). */
function zypperPinned(spec) {
    return /[=<>]/.test(spec) || spec.endsWith('.rpm');
}
/** Module streams must name a stream: `nodejs:20`. */
function modulePinned(spec) {
    return spec.includes(':');
}
/** Any argument of `cmd` equals one of `words`. */
function hasWord(cmd, words) {
    return cmd.args.some((a) => words.includes(a.value));
}
/** `rm` of one of the given cache directories (or their contents). */
function removes(cmd, dirs) {
    if (cmd.name !== 'rm' && !cmd.name.endsWith('/rm'))
        return false;
    return cmd.args.some((a) => {
        const path = a.value.replace(/\/\*?$/, '').replace(/\*$/, '');
        return dirs.some((d) => path === d || path.startsWith(`${d}/`));
    });
}
/** Does some cache/tmpfs mount target cover one of `dirs` (or a directory ending with it)? */
function mountCovers(targets, dirs) {
    return targets.some((t) => dirs.some((d) => t === d || t.endsWith(d.startsWith('/') ? d : `/${d}`)));
}
/**
 * The first install command that no clean command follows in the same script (install, clean,
 * install reports the second install), or undefined.
 */
function installWithoutClean(commands, isInstall, isClean) {
    let pending;
    for (const cmd of commands) {
        if (isClean(cmd))
            pending = undefined;
        else if (!pending && isInstall(cmd))
            pending = cmd;
    }
    return pending;
}
/** yum/dnf/microdnf options that take a separate value. */
const RPM_VALUE_FLAGS = [
    'c',
    'config',
    'd',
    'debuglevel',
    'e',
    'errorlevel',
    'x',
    'exclude',
    'enablerepo',
    'disablerepo',
    'repo',
    'repoid',
    'releasever',
    'installroot',
    'setopt',
    'forcearch',
    'downloaddir',
    'destdir',
    'comment',
    'repofrompath',
    'advisory',
    'advisories',
    'bz',
    'bzs',
    'cve',
    'cves',
    'sec-severity',
    'secseverity',
    'rpmverbosity'
];
/**
 * The package words of a yum/dnf `install` that name no version. Module streams (`module install`)
 * need `:stream`; group installs are skipped; words that are only a variable are unknown and pass;
 * a word whose variables are all defined (by ARG, or ENV in the stage's lineage) counts as pinned.
 */
function unpinnedRpmPackages(cmd, defined) {
    if (!hasWord(cmd, ['install']))
        return [];
    const module = hasWord(cmd, ['module']);
    if (!module && hasWord(cmd, ['group']))
        return [];
    const out = [];
    for (const w of argsNoFlags(cmd, RPM_VALUE_FLAGS)) {
        if (w.value === 'install' || w.value === 'module')
            continue;
        if (onlyVariable(w) || w.value.startsWith('@'))
            continue;
        let spec = w.value;
        if (!w.literal) {
            const vars = variablesIn(w.raw);
            const known = defined();
            if (vars.length > 0 && vars.every((v) => known.has(v)))
                continue;
            spec = w.raw.replace(/^["']|["']$/g, '');
        }
        if (!(module ? modulePinned(spec) : rpmPinned(spec)))
            out.push(w);
    }
    return out;
}
/**
 * The value of an option: `-u 1000`, `-u1000`, `--uid 1000` or `--uid=1000` for
 * `flagValue(cmd, ['u'], ['uid'])`. Returns the word holding the value (and the value itself).
 */
function flagValue(cmd, short, long) {
    const args = cmd.args;
    for (let i = 0; i < args.length; i++) {
        const w = args[i];
        const v = w.value;
        if (v.startsWith('--')) {
            const eq = v.indexOf('=');
            const name = v.slice(2, eq === -1 ? undefined : eq);
            if (!long.includes(name))
                continue;
            if (eq !== -1)
                return { word: w, flag: w, value: v.slice(eq + 1) };
            if (args[i + 1])
                return { word: args[i + 1], flag: w, value: args[i + 1].value };
        }
        else if (v.startsWith('-') && v.length >= 2 && short.includes(v[1])) {
            if (v.length > 2)
                return { word: w, flag: w, value: v.slice(2) };
            if (args[i + 1])
                return { word: args[i + 1], flag: w, value: args[i + 1].value };
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3032.ts







const DL3032_INSTALL = ['install', 'groupinstall', 'localinstall'];
const CACHE = ['/var/cache/yum'];
const DL3032 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3032',
    aliases: ['AVD-DS-0015'],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: '`yum clean all` missing after yum command.',
    check(doc, ctx) {
        for (const inst of (0,runs/* runsCalling */.HP)(doc, 'yum')) {
            const script = doc.shell(inst);
            if (!script || mountCovers((0,runs/* cacheMountTargets */.ug)(inst), CACHE))
                continue;
            const install = installWithoutClean(script.commands, (c) => (0,runs/* commandName */.p6)(c) === 'yum' && hasWord(c, DL3032_INSTALL), (c) => ((0,runs/* commandName */.p6)(c) === 'yum' && hasWord(c, ['clean']) && hasWord(c, ['all'])) ||
                removes(c, CACHE));
            if (!install)
                continue;
            ctx.report({
                message: 'Run `yum clean all` after `yum install` in the same RUN; the yum cache otherwise stays in the layer.',
                range: doc.span(install.start, install.end).range,
                fix: (0,fixes/* withEffect */.yu)(fix('Append `&& yum clean all` to the RUN.', true, appendCommand(doc, inst, 'yum clean all')), { kind: 'append-command', argv: 'yum clean all'.split(' ') })
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3033.ts





const DL3033 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3033',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    description: 'Specify version with `yum install -y <package>-<version>`.',
    check(doc, ctx) {
        for (const { inst, cmd } of (0,runs/* commandsNamed */.i2)(doc, 'yum')) {
            if ((0,runs/* commandName */.p6)(cmd) !== 'yum')
                continue;
            const unpinned = unpinnedRpmPackages(cmd, () => (0,stages/* definedVariables */.JF)(doc, inst));
            if (unpinned.length === 0)
                continue;
            const first = unpinned[0];
            const last = unpinned[unpinned.length - 1];
            ctx.report({
                message: `Pin versions in yum install: ${unpinned.map((w) => `\`${w.value}\``).join(', ')} (e.g. \`${first.value}-<version>\`).`,
                range: doc.span(first.start, last.end).range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3034.ts





const DL3034_SUBCOMMANDS = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'];
const YES = ['n', 'non-interactive', 'no-confirm', 'y'];
const DL3034 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3034',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Non-interactive switch missing from `zypper` command: `zypper install -y`.',
    check(doc, ctx) {
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, 'zypper')) {
            if ((0,runs/* commandName */.p6)(cmd) !== 'zypper')
                continue;
            const sub = findArg(cmd, DL3034_SUBCOMMANDS);
            if (!sub || flagNames(cmd).some((f) => YES.includes(f)))
                continue;
            const at = doc.lines.position(cmd.words[0].end);
            ctx.report({
                message: `Use \`zypper -n ${sub.value}\` (or \`${sub.value} -y\`) so the build never waits for a confirmation.`,
                range: doc.span(cmd.start, sub.end).range,
                // `-n` is zypper's global non-interactive option: valid before every subcommand.
                fix: (0,fixes/* withEffect */.yu)(fix('Insert `-n` after `zypper` (non-interactive: answers prompts with their default).', true, {
                    range: { start: at, end: at },
                    text: ' -n'
                }), { kind: 'add-args', command: 'zypper', args: ['-n'] })
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3035.ts




const DL3035 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3035',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    description: 'Do not use `zypper dist-upgrade`.',
    check(doc, ctx) {
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, 'zypper')) {
            if ((0,runs/* commandName */.p6)(cmd) !== 'zypper')
                continue;
            const sub = findArg(cmd, ['dist-upgrade', 'dup']);
            if (!sub)
                continue;
            ctx.report({
                message: 'Do not run `zypper dist-upgrade` in a build: it can move the image to another distribution release. Use a newer base image instead.',
                range: doc.span(cmd.start, sub.end).range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3036.ts







const DL3036_CACHE = ['/var/cache/zypp'];
const DL3036 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3036',
    aliases: ['AVD-DS-0020'],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: '`zypper clean` missing after zypper use.',
    check(doc, ctx) {
        for (const inst of (0,runs/* runsCalling */.HP)(doc, 'zypper')) {
            const script = doc.shell(inst);
            if (!script || mountCovers((0,runs/* cacheMountTargets */.ug)(inst), DL3036_CACHE))
                continue;
            const install = installWithoutClean(script.commands, (c) => (0,runs/* commandName */.p6)(c) === 'zypper' && hasWord(c, ['install', 'in']), (c) => ((0,runs/* commandName */.p6)(c) === 'zypper' && hasWord(c, ['clean', 'cc'])) || removes(c, DL3036_CACHE));
            if (!install)
                continue;
            ctx.report({
                message: 'Run `zypper clean` after `zypper install` in the same RUN; the package cache otherwise stays in the layer.',
                range: doc.span(install.start, install.end).range,
                fix: (0,fixes/* withEffect */.yu)(fix('Append `&& zypper clean --all` to the RUN.', true, appendCommand(doc, inst, 'zypper clean --all')), { kind: 'append-command', argv: 'zypper clean --all'.split(' ') })
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3037.ts





/** zypper install options that take a separate value. */
const DL3037_VALUE_FLAGS = ['r', 'repo', 'from', 't', 'type', 'download', 'root', 'R'];
const DL3037 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3037',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    description: 'Specify version with `zypper install -y <package>=<version>`.',
    check(doc, ctx) {
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, 'zypper')) {
            if ((0,runs/* commandName */.p6)(cmd) !== 'zypper' || !hasWord(cmd, ['install', 'in']))
                continue;
            // Patterns, patches and products (`-t pattern`) have no versions to pin.
            const type = flagValue(cmd, ['t'], ['type']);
            if (type && type.value !== 'package')
                continue;
            const unpinned = [];
            let subcommandSeen = false;
            for (const w of argsNoFlags(cmd, DL3037_VALUE_FLAGS)) {
                if (!subcommandSeen) {
                    subcommandSeen = w.value === 'install' || w.value === 'in';
                    continue;
                }
                if (onlyVariable(w) || !w.literal)
                    continue;
                if (!zypperPinned(w.value))
                    unpinned.push(w);
            }
            if (unpinned.length === 0)
                continue;
            const first = unpinned[0];
            const last = unpinned[unpinned.length - 1];
            ctx.report({
                message: `Pin versions in zypper install: ${unpinned.map((w) => `\`${w.value}\``).join(', ')} (e.g. \`${first.value}=<version>\`).`,
                range: doc.span(first.start, last.end).range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3038.ts





const DNF = ['dnf', 'microdnf', 'dnf5'];
const DL3038_SUBCOMMANDS = ['install', 'groupinstall', 'localinstall'];
const DL3038 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3038',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Use the -y switch to avoid manual input `dnf install -y <package>`.',
    check(doc, ctx) {
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, ...DNF)) {
            const name = (0,runs/* commandName */.p6)(cmd);
            if (!DNF.includes(name))
                continue;
            const sub = findArg(cmd, DL3038_SUBCOMMANDS);
            if (!sub || flagNames(cmd).some((f) => f === 'y' || f === 'assumeyes'))
                continue;
            ctx.report({
                message: `Use \`${name} ${sub.value} -y\` so the build never waits for a confirmation.`,
                range: doc.span(cmd.start, sub.end).range,
                fix: (0,fixes/* withEffect */.yu)(fix(`Insert \`-y\` after \`${sub.value}\` (answers yes instead of aborting).`, true, insertAfter(doc, sub, '-y')), { kind: 'add-args', command: (0,runs/* commandName */.p6)(cmd), args: ['-y'] })
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3040.ts







const DL3040_DNF = ['dnf', 'microdnf', 'dnf5'];
const DL3040_INSTALL = ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei'];
const DL3040_CACHE = ['/var/cache/libdnf5', '/var/cache/dnf', '/var/cache/yum'];
const DL3040 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3040',
    aliases: ['AVD-DS-0019', 'AVD-DS-0027'],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: '`dnf clean all` missing after dnf command.',
    check(doc, ctx) {
        for (const inst of (0,runs/* runsCalling */.HP)(doc, ...DL3040_DNF)) {
            const script = doc.shell(inst);
            if (!script || mountCovers((0,runs/* cacheMountTargets */.ug)(inst), DL3040_CACHE))
                continue;
            const names = new Set(script.commands.map(runs/* commandName */.p6).filter((n) => DL3040_DNF.includes(n)));
            for (const name of names) {
                const install = installWithoutClean(script.commands, (c) => (0,runs/* commandName */.p6)(c) === name && hasWord(c, DL3040_INSTALL), (c) => ((0,runs/* commandName */.p6)(c) === name && hasWord(c, ['clean']) && hasWord(c, ['all'])) ||
                    removes(c, DL3040_CACHE));
                if (!install)
                    continue;
                ctx.report({
                    message: `Run \`${name} clean all\` after \`${name}\` installs in the same RUN; the package cache otherwise stays in the layer.`,
                    range: doc.span(install.start, install.end).range,
                    fix: (0,fixes/* withEffect */.yu)(fix(`Append \`&& ${name} clean all\` to the RUN.`, true, appendCommand(doc, inst, `${name} clean all`)), { kind: 'append-command', argv: `${name} clean all`.split(' ') })
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3041.ts





const DL3041_DNF = ['dnf', 'microdnf', 'dnf5'];
const DL3041 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3041',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    description: 'Specify version with `dnf install -y <package>-<version>`.',
    check(doc, ctx) {
        for (const { inst, cmd } of (0,runs/* commandsNamed */.i2)(doc, ...DL3041_DNF)) {
            const name = (0,runs/* commandName */.p6)(cmd);
            if (!DL3041_DNF.includes(name))
                continue;
            const unpinned = unpinnedRpmPackages(cmd, () => (0,stages/* definedVariables */.JF)(doc, inst));
            if (unpinned.length === 0)
                continue;
            const first = unpinned[0];
            const last = unpinned[unpinned.length - 1];
            ctx.report({
                message: `Pin versions in ${name} install: ${unpinned.map((w) => `\`${w.value}\``).join(', ')} (e.g. \`${first.value}-<version>\`).`,
                range: doc.span(first.start, last.end).range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3042.ts







const TRUTHY = /^(1|on|yes|true)$/i;
const ASSIGN = /^PIP_NO_CACHE_DIR=["']?([^"']*)["']?$/;
/** `pip install`, `pip3.12 install`, `python3 -m pip install` (not pipx / pipenv). */
function pipInstall(cmd) {
    const name = (0,runs/* commandName */.p6)(cmd);
    const args = cmd.args;
    if (name.startsWith('pip') && !name.startsWith('pipx') && !name.startsWith('pipenv')) {
        return args.findIndex((a) => a.value === 'install');
    }
    if (name.startsWith('python')) {
        const m = args.findIndex((a) => a.value === '-m');
        if (m !== -1 && args[m + 1]?.value === 'pip' && args[m + 2]?.value === 'install')
            return m + 2;
    }
    return -1;
}
const DL3042 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3042',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`.',
    check(doc, ctx) {
        const pips = (0,runs/* commandsMatching */.Sq)(doc, (n) => n.startsWith('pip') || n.startsWith('python'));
        let previous;
        for (const { inst } of pips) {
            if (inst === previous)
                continue;
            previous = inst;
            const script = doc.shell(inst);
            if (!script || mountCovers((0,runs/* cacheMountTargets */.ug)(inst), ['.cache/pip']))
                continue;
            let exported = false;
            let envChecked;
            for (const cmd of script.commands) {
                if ((0,runs/* commandName */.p6)(cmd) === 'export') {
                    for (const a of cmd.args) {
                        const m = ASSIGN.exec(a.value);
                        if (m)
                            exported = TRUTHY.test(m[1]);
                    }
                    continue;
                }
                const at = pipInstall(cmd);
                if (at === -1 || exported)
                    continue;
                if (cmd.args.some((a) => a.value === '--no-cache-dir' || a.value.startsWith('--no-cache-dir=')))
                    continue;
                const inline = cmd.assigns.map((a) => ASSIGN.exec(a)).find((m) => m);
                if (inline && TRUTHY.test(inline[1]))
                    continue;
                if (!inline) {
                    envChecked ??= TRUTHY.test((0,stages/* envBefore */.zE)(doc, inst, 'PIP_NO_CACHE_DIR') ?? '');
                    if (envChecked)
                        continue;
                }
                const install = cmd.args[at];
                ctx.report({
                    message: 'Use `pip install --no-cache-dir` (or `ENV PIP_NO_CACHE_DIR=1`); the pip cache otherwise stays in the layer.',
                    range: doc.span(cmd.start, install.end).range,
                    fix: (0,fixes/* withEffect */.yu)(fix('Insert `--no-cache-dir` after `install` (pip keeps no download cache in the layer).', true, insertAfter(doc, install, '--no-cache-dir')), { kind: 'add-args', command: (0,runs/* commandName */.p6)(cmd), args: ['--no-cache-dir'] })
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3043.ts

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);
const DL3043 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3043',
    aliases: [],
    severity: 'error',
    description: '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction.',
    check(doc, ctx) {
        for (const inst of doc.instructions) {
            const trigger = inst.trigger;
            if (!trigger || !FORBIDDEN.has(trigger.keyword))
                continue;
            ctx.report({
                message: `\`ONBUILD ${trigger.keyword}\` is not allowed: Docker rejects ONBUILD, FROM and MAINTAINER as triggers.`,
                range: trigger.keywordSpan.range
            });
        }
    }
});

// EXTERNAL MODULE: ./src/dockerfile/properties.ts
var properties = __webpack_require__(9909);
;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3044.ts



/** `$NAME` or `${NAME…}` at a `$` (sticky). */
const REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?+-][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/y;
/** Variable references the builder expands in a value: not in single quotes, not escaped. */
function refsOf(doc, pair) {
    if (!pair.valueSpan)
        return [];
    const base = pair.valueSpan.start;
    const raw = doc.text.slice(base, pair.valueSpan.end);
    const out = [];
    let quote = '';
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (quote !== "'" && c === doc.escape)
            i++;
        else if (c === '"' || c === "'")
            quote = quote === c ? '' : quote || c;
        else if (c === '$' && quote !== "'") {
            REF.lastIndex = i;
            const m = REF.exec(raw);
            if (m)
                out.push({ name: m[1] ?? m[2], start: base + i, end: base + i + m[0].length });
        }
    }
    return out;
}
/**
 * Split points so that no ENV refers to a name another pair of the same ENV sets: a new group
 * starts before a pair that reads a name set in the group, or sets a name the group reads.
 */
function groups(ps, refs) {
    const starts = [];
    let defined = new Set();
    let read = new Set();
    ps.forEach((p, i) => {
        const reads = refs[i].map((r) => r.name);
        if (i > 0 && (reads.some((n) => defined.has(n)) || read.has(p.name))) {
            starts.push(i);
            defined = new Set();
            read = new Set();
        }
        defined.add(p.name);
        for (const n of reads)
            read.add(n);
    });
    return starts;
}
const DL3044 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3044',
    aliases: [],
    severity: 'error',
    fixable: true,
    description: 'Do not refer to an environment variable within the same `ENV` statement where it is defined.',
    check(doc, ctx) {
        // hadolint tracks every ARG/ENV name seen so far in the file, whatever the stage.
        const known = new Set();
        const visit = (inst) => {
            if (inst.keyword === 'ARG') {
                for (const p of (0,properties/* pairs */.A)(doc, inst))
                    known.add(p.name);
                return;
            }
            if (inst.keyword !== 'ENV')
                return;
            const ps = (0,properties/* pairs */.A)(doc, inst);
            const refs = ps.map((p) => refsOf(doc, p));
            const bad = [];
            ps.forEach((p, i) => {
                if (known.has(p.name))
                    return;
                ps.forEach((_, j) => {
                    if (j !== i)
                        for (const r of refs[j])
                            if (r.name === p.name)
                                bad.push(r);
                });
            });
            for (const p of ps)
                known.add(p.name);
            if (bad.length === 0)
                return;
            bad.sort((a, b) => a.start - b.start);
            const names = [...new Set(bad.map((r) => r.name))];
            const top = inst.onbuild ?? inst;
            const prefix = doc.text.slice(top.start, inst.keywordSpan.end);
            const eol = eolAt(doc, top.range.start.line);
            const edits = groups(ps, refs).map((i) => {
                const start = ps[i - 1].span.end;
                const end = ps[i].span.start;
                // Comment lines inside the continuation move above the new ENV line.
                const comments = doc.text
                    .slice(start, end)
                    .split('\n')
                    .slice(1, -1)
                    .filter((line) => line.trim().startsWith('#'))
                    .map((line) => `${line.replace(/\r$/, '')}${eol}`);
                return { range: doc.span(start, end).range, text: `${eol}${comments.join('')}${prefix} ` };
            });
            ctx.report({
                message: `\`${names.join('`, `')}\` is set in this same ENV; the reference expands to the value from before it. Use a separate ENV.`,
                range: doc.span(bad[0].start, bad[0].end).range,
                fix: edits.length > 0
                    ? {
                        description: `Split the ENV so ${names.map((n) => `\`$${n}\``).join(', ')} sees the value set here.`,
                        safe: true,
                        edits
                    }
                    : undefined
            });
        };
        for (const inst of doc.instructions)
            visit(inst.trigger ?? inst);
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3045.ts


const QUOTES = /^["']|["']$/g;
/** Absolute (`/x`, `c:\x`, `c:/x`) or a variable the builder expands. */
const NOT_RELATIVE = /^(\/|[A-Za-z]:[\\/]|\$)/;
/** The destination word of a COPY (last argument, exec form included). */
function destination(inst) {
    if (inst.json)
        return inst.json.items[inst.json.items.length - 1];
    return inst.args.length >= 2 ? inst.args[inst.args.length - 1] : undefined;
}
/** Is a WORKDIR in effect for `inst`: earlier in its stage, in an ancestor stage, or (for ONBUILD) set by an earlier trigger? */
function workdirSet(doc, inst) {
    for (const i of (0,stages/* inScopeBefore */.TZ)(doc, inst)) {
        if (i.keyword === 'WORKDIR')
            return true;
        if (inst.onbuild && i.trigger?.keyword === 'WORKDIR')
            return true;
    }
    // An ONBUILD COPY runs in the child image, after everything this stage set.
    if (inst.onbuild && inst.onbuild.stage) {
        return inst.onbuild.stage.instructions.some((i) => i.keyword === 'WORKDIR');
    }
    return false;
}
/** The stage's lineage starts from `scratch` (its working directory is `/`). */
function fromScratch(stage) {
    const root = (0,stages/* lineage */.OZ)(stage).pop();
    return root !== undefined && root.image.expanded.toLowerCase() === 'scratch';
}
const DL3045 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3045',
    aliases: [],
    severity: 'warning',
    fixable: true,
    description: '`COPY` to a relative destination without `WORKDIR` set.',
    check(doc, ctx) {
        for (const top of doc.instructions) {
            const inst = top.trigger ?? top;
            if (inst.keyword !== 'COPY')
                continue;
            const dest = destination(inst);
            // A heredoc marker last (`COPY a <<EOF`) is a source, not a destination.
            if (!dest || inst.heredocs.some((h) => h.marker.start === dest.start))
                continue;
            // The text as written: Windows paths keep their backslashes.
            const raw = doc.text.slice(dest.start, dest.end);
            const path = inst.json ? dest.value : raw.replace(QUOTES, '');
            if (path === '' || NOT_RELATIVE.test(path) || workdirSet(doc, inst))
                continue;
            // `FROM scratch` has no WORKDIR to inherit: the destination is under `/`, as written.
            if (fromScratch(top.stage))
                continue;
            const open = /^["']/.test(raw) ? 1 : 0;
            const at = dest.start + open;
            let fix;
            const edit = (start, end, text) => ({
                description: `Make the destination absolute (\`/${path.replace(/^\.\/?/, '')}\`). Same result only while the working directory is \`/\`: a base image that sets WORKDIR (node, golang, …) copies somewhere else today.`,
                safe: false,
                edits: [{ range: doc.span(start, end).range, text }]
            });
            if (path === '.' || path === './')
                fix = edit(at, at + path.length, '/');
            else if (path.startsWith('./'))
                fix = edit(at, at + 1, '');
            else if (!path.startsWith('.'))
                fix = edit(at, at, '/');
            ctx.report({
                message: `\`COPY\` to the relative destination \`${path}\` while no WORKDIR is set in this stage: set WORKDIR or use an absolute path.`,
                range: dest.range,
                fix
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3046.ts






const DL3046 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3046',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: '`useradd` without flag `-l` and high UID will result in excessively large Image.',
    check(doc, ctx) {
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, 'useradd')) {
            if ((0,runs/* commandName */.p6)(cmd) !== 'useradd')
                continue;
            const flags = flagNames(cmd);
            if (flags.includes('l') || flags.includes('no-log-init'))
                continue;
            const uid = flagValue(cmd, ['u'], ['uid']);
            // Only literal UIDs: `-u ${UID}` is unknown here.
            if (!uid || !/^\d{6,}$/.test(uid.value))
                continue;
            ctx.report({
                message: `\`useradd\` with the high UID ${uid.value} and without \`-l\` fills /var/log/lastlog and faillog with gigabytes of zeros.`,
                range: doc.span(uid.flag.start, uid.word.end).range,
                fix: (0,fixes/* withEffect */.yu)(fix('Insert `-l` (`--no-log-init`) after `useradd` (the user gets no lastlog/faillog entries).', true, insertAfter(doc, cmd.words[0], '-l')), { kind: 'add-args', command: 'useradd', args: ['-l'] })
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3047.ts






const QUIET = ['progress', 'q', 'quiet', 'no-verbose', 'o', 'output-file', 'a', 'append-output'];
const DL3047 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3047',
    aliases: [],
    severity: 'info',
    perInstruction: true,
    fixable: true,
    description: 'Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`. Or consider using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`).',
    check(doc, ctx) {
        for (const { inst, cmd } of (0,runs/* commandsNamed */.i2)(doc, 'wget')) {
            if ((0,runs/* commandName */.p6)(cmd) !== 'wget')
                continue;
            if (cmd.args.some((a) => a.value === '-nv') || flagNames(cmd).some((f) => QUIET.includes(f)))
                continue;
            // BusyBox wget (Alpine, docker:*, busybox) has no --progress: `wget: unrecognized option`.
            // -q works in both, so it is the flag wherever the image's wget is not known to be GNU.
            const gnu = stageDistroIn(doc, (inst.onbuild ?? inst).stage, ctx.workspace).userland === 'gnu';
            const flag = gnu ? '--progress=dot:giga' : '-q';
            ctx.report({
                message: '`wget` without `--progress` prints thousands of progress lines into the build log; use `--progress=dot:giga`, `-q` or `-nv`.',
                range: doc.span(cmd.words[0].start, cmd.words[0].end).range,
                fix: (0,fixes/* withEffect */.yu)(fix(`Insert \`${flag}\` after \`wget\` (${gnu ? 'prints progress every 32 MB' : 'no progress output; BusyBox wget has no --progress'}).`, true, insertAfter(doc, cmd.words[0], flag)), { kind: 'add-args', command: (0,runs/* commandName */.p6)(cmd), args: [flag] })
            });
        }
    }
});

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/rules/dockerfile/lib/labels.ts


/** Every `LABEL key=value` pair of the file, ONBUILD triggers included. */
function labelPairs(doc) {
    const out = [];
    for (const inst of (0,properties/* propertyInstructions */.X)(doc, 'LABEL', true)) {
        for (const p of (0,properties/* pairs */.A)(doc, inst))
            out.push({ ...p, inst });
    }
    return out;
}
/** Schema entries of one type. */
function labelsOfType(schema, type) {
    const out = new Set();
    for (const [name, t] of Object.entries(schema))
        if (t.toLowerCase() === type)
            out.add(name);
    return out;
}
/** RFC 3986 absolute URI: a scheme, then only URI characters. */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
const PCT = /%(?![0-9A-Fa-f]{2})/;
function isUrl(value) {
    return URI.test(value) && !PCT.test(value);
}
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;
function isRfc3339(value) {
    const m = RFC3339.exec(value);
    if (!m)
        return false;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60)
        return false;
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day > days)
        return false;
    if (m[9] && (Number(m[10]) > 23 || Number(m[11]) > 59))
        return false;
    return true;
}
/** A short (7) or full (40) lower-case hexadecimal git commit hash. */
function isGitHash(value) {
    return /^[0-9a-f]{7}$/.test(value) || /^[0-9a-f]{40}$/.test(value);
}
/** Semantic Versioning 2.0.0, strictly (no `v` prefix, no surrounding blanks). */
function isSemver(value) {
    return /^\d/.test(value) && semver_default().parse(value)?.raw === value;
}
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_DOMAIN = /^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[[^\]\s]+\]$/;
/** An RFC 5322 `addr-spec` (dot-atom local part, domain name or literal). */
function isEmail(value) {
    const at = value.lastIndexOf('@');
    if (at <= 0 || at === value.length - 1 || value.length > 254)
        return false;
    const local = value.slice(0, at);
    const domain = value.slice(at + 1);
    const quoted = /^"([^"\\]|\\.)*"$/.test(local);
    return (quoted || (local.length <= 64 && EMAIL_LOCAL.test(local))) && EMAIL_DOMAIN.test(domain);
}
/**
 * SPDX license identifiers (a compact list of the common ones, current and deprecated forms).
 * Compared case-insensitively, like SPDX matching rules require.
 */
const SPDX_IDS = `0BSD AAL AFL-1.1 AFL-1.2 AFL-2.0 AFL-2.1 AFL-3.0 AGPL-1.0 AGPL-1.0-only AGPL-1.0-or-later
AGPL-3.0 AGPL-3.0-only AGPL-3.0-or-later Apache-1.0 Apache-1.1 Apache-2.0 APSL-1.0 APSL-1.1 APSL-1.2
APSL-2.0 Artistic-1.0 Artistic-1.0-Perl Artistic-1.0-cl8 Artistic-2.0 Beerware BitTorrent-1.0
BitTorrent-1.1 BlueOak-1.0.0 BSD-1-Clause BSD-2-Clause BSD-2-Clause-Patent BSD-2-Clause-Views
BSD-3-Clause BSD-3-Clause-Clear BSD-3-Clause-LBNL BSD-3-Clause-No-Nuclear-License BSD-4-Clause
BSD-4-Clause-UC BSD-Source-Code BSL-1.0 BUSL-1.1 bzip2-1.0.6 CAL-1.0 CATOSL-1.1 CC-BY-1.0 CC-BY-2.0
CC-BY-2.5 CC-BY-3.0 CC-BY-4.0 CC-BY-NC-4.0 CC-BY-NC-ND-4.0 CC-BY-NC-SA-4.0 CC-BY-ND-4.0 CC-BY-SA-2.0
CC-BY-SA-3.0 CC-BY-SA-4.0 CC0-1.0 CDDL-1.0 CDDL-1.1 CDLA-Permissive-1.0 CDLA-Permissive-2.0
CDLA-Sharing-1.0 CECILL-1.0 CECILL-2.0 CECILL-2.1 CECILL-B CECILL-C ClArtistic CNRI-Python CPAL-1.0
CPL-1.0 CUA-OPL-1.0 curl ECL-1.0 ECL-2.0 EFL-1.0 EFL-2.0 Entessa EPL-1.0 EPL-2.0 ErlPL-1.1 EUDatagrid
EUPL-1.0 EUPL-1.1 EUPL-1.2 Fair FSFAP FTL GFDL-1.1 GFDL-1.1-only GFDL-1.1-or-later GFDL-1.2
GFDL-1.2-only GFDL-1.2-or-later GFDL-1.3 GFDL-1.3-only GFDL-1.3-or-later GPL-1.0 GPL-1.0+ GPL-1.0-only
GPL-1.0-or-later GPL-2.0 GPL-2.0+ GPL-2.0-only GPL-2.0-or-later GPL-2.0-with-classpath-exception
GPL-3.0 GPL-3.0+ GPL-3.0-only GPL-3.0-or-later GPL-3.0-with-GCC-exception HPND ICU IJG ImageMagick
Imlib2 Info-ZIP Intel IPA IPL-1.0 ISC JSON LAL-1.2 LAL-1.3 LGPL-2.0 LGPL-2.0+ LGPL-2.0-only
LGPL-2.0-or-later LGPL-2.1 LGPL-2.1+ LGPL-2.1-only LGPL-2.1-or-later LGPL-3.0 LGPL-3.0+ LGPL-3.0-only
LGPL-3.0-or-later LGPLLR libpng libpng-2.0 libtiff LiLiQ-P-1.1 LiLiQ-R-1.1 LiLiQ-Rplus-1.1 LPL-1.0
LPL-1.02 LPPL-1.3c LPPL-1.3a MirOS MIT MIT-0 MIT-CMU MIT-Modern-Variant MIT-advertising MIT-enna
MIT-feh MITNFA Motosoto MPL-1.0 MPL-1.1 MPL-2.0 MPL-2.0-no-copyleft-exception MS-PL MS-RL MulanPSL-1.0
MulanPSL-2.0 Multics NASA-1.3 Naumen NCSA NGPL Nokia NPL-1.0 NPL-1.1 NPOSL-3.0 NTP OCLC-2.0
ODbL-1.0 ODC-By-1.0 OFL-1.0 OFL-1.1 OGC-1.0 OGTSL OLDAP-2.8 OpenSSL OPL-1.0 OSET-PL-2.1 OSL-1.0
OSL-1.1 OSL-2.0 OSL-2.1 OSL-3.0 PDDL-1.0 PHP-3.0 PHP-3.01 PostgreSQL PSF-2.0 Python-2.0 Python-2.0.1
QPL-1.0 RPL-1.1 RPL-1.5 RPSL-1.0 RSCPL Ruby SGI-B-2.0 SimPL-2.0 SISSL Sleepycat SMLNJ SPL-1.0
SSPL-1.0 TCL UCL-1.0 Unicode-DFS-2015 Unicode-DFS-2016 Unicode-3.0 Unlicense UPL-1.0 Vim VSL-1.0
W3C W3C-20150513 Watcom-1.0 WTFPL X11 XFree86-1.1 Xnet xinetd YPL-1.1 Zend-2.0 Zimbra-1.3 Zlib
zlib-acknowledgement ZPL-1.1 ZPL-2.0 ZPL-2.1`;
const SPDX = new Set(SPDX_IDS.split(/\s+/).map((id) => id.toLowerCase()));
/** A single SPDX license identifier (not an expression). */
function isSpdx(value) {
    return SPDX.has(value.toLowerCase());
}
/** Report every label of type `type` whose value `valid` rejects (DL3052-DL3056, DL3058). */
function checkLabelValues(doc, schema, type, valid, report) {
    const names = labelsOfType(schema, type);
    if (names.size === 0)
        return;
    for (const pair of labelPairs(doc)) {
        if (!names.has(pair.name))
            continue;
        const value = pair.value ?? '';
        if (!valid(value))
            report(pair, value);
    }
}
/** Where to point at a label's value (its key when it has none). */
function valueRange(pair) {
    return (pair.valueSpan ?? pair.nameSpan).range;
}

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3048.ts


const RESERVED = /^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/;
/** Why a label key breaks Docker's key format, or undefined when it is valid. */
function labelKeyProblem(key) {
    if (RESERVED.test(key))
        return 'uses a namespace reserved for Docker';
    if (!/^[a-z]/.test(key))
        return 'must start with a lower-case letter';
    if (!/[a-z0-9]$/.test(key))
        return 'must end with a lower-case letter or digit';
    if (/[^a-z0-9.-]/.test(key))
        return 'may only contain lower-case letters, digits, `.` and `-`';
    if (/\.\.|--/.test(key))
        return 'must not repeat `.` or `-`';
    return undefined;
}
const DL3048 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3048',
    aliases: [],
    severity: 'style',
    perInstruction: true,
    fixable: true,
    description: 'Invalid label key.',
    check(doc, ctx) {
        for (const pair of labelPairs(doc)) {
            const problem = labelKeyProblem(pair.name);
            if (!problem)
                continue;
            let fix;
            // Narrow fix: upper case and `_` only, written without quotes.
            const renamed = pair.name.toLowerCase().replace(/_/g, '-');
            const written = doc.text.slice(pair.nameSpan.start, pair.nameSpan.end);
            if (written === pair.name && !labelKeyProblem(renamed)) {
                fix = {
                    description: `Rename the label to \`${renamed}\`; anything that reads \`${pair.name}\` (scripts, registries, orchestrators) must use the new key.`,
                    safe: false,
                    edits: [{ range: pair.nameSpan.range, text: renamed }]
                };
            }
            ctx.report({
                message: `Invalid label key \`${pair.name}\`: it ${problem}.`,
                range: pair.nameSpan.range,
                fix
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3049.ts



const DL3049 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3049',
    aliases: [],
    severity: 'info',
    description: 'Label `<label>` is missing.',
    check(doc, ctx) {
        const required = Object.keys(ctx.settings.labelSchema);
        if (required.length === 0 || doc.stages.length === 0)
            return;
        // Labels each stage sets itself (ONBUILD labels only reach child images).
        const own = new Map();
        for (const stage of doc.stages) {
            const names = new Set();
            for (const inst of stage.instructions) {
                if (inst.keyword === 'LABEL')
                    for (const p of (0,properties/* pairs */.A)(doc, inst))
                        names.add(p.name);
            }
            own.set(stage, names);
        }
        const inherited = (stage, label) => {
            for (let s = stage; s; s = s.parent)
                if (own.get(s).has(label))
                    return true;
            return false;
        };
        const children = new Map();
        for (const s of doc.stages)
            if (s.parent)
                children.set(s.parent, [...(children.get(s.parent) ?? []), s]);
        /** A stage is only a step towards another when a later stage that carries the label builds on it. */
        const labelledDescendant = (stage, label) => (children.get(stage) ?? []).some((c) => own.get(c).has(label) || labelledDescendant(c, label));
        const copied = (0,stages/* copiedStages */.g0)(doc);
        for (const stage of doc.stages) {
            if (copied.has(stage))
                continue;
            const missing = required.filter((label) => !inherited(stage, label) && !labelledDescendant(stage, label));
            if (missing.length === 0)
                continue;
            const from = stage.from;
            const end = from.args.length > 0 ? from.args[from.args.length - 1].end : from.keywordSpan.end;
            ctx.report({
                message: `Label${missing.length > 1 ? 's' : ''} ${missing.map((l) => `\`${l}\``).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing from this stage (required by the label schema).`,
                range: doc.span(from.keywordSpan.start, end).range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3050.ts


const DL3050 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3050',
    aliases: [],
    severity: 'info',
    description: 'Superfluous label(s) present.',
    check(doc, ctx) {
        if (!ctx.settings.strictLabels)
            return;
        const schema = ctx.settings.labelSchema;
        for (const pair of labelPairs(doc)) {
            if (Object.hasOwn(schema, pair.name))
                continue;
            ctx.report({
                message: `Label \`${pair.name}\` is not in the label schema (strict labels are on).`,
                range: pair.nameSpan.range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3051.ts


const DL3051 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3051',
    aliases: [],
    severity: 'warning',
    description: 'Label `<label>` is empty.',
    check(doc, ctx) {
        const schema = ctx.settings.labelSchema;
        if (Object.keys(schema).length === 0)
            return;
        for (const pair of labelPairs(doc)) {
            if (!Object.hasOwn(schema, pair.name) || (pair.value ?? '').trim() !== '')
                continue;
            ctx.report({
                message: `Label \`${pair.name}\` is empty; the label schema requires a value.`,
                range: valueRange(pair)
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3052.ts


const DL3052 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3052',
    aliases: [],
    severity: 'warning',
    description: 'Label `<label>` is not a valid URL.',
    check(doc, ctx) {
        checkLabelValues(doc, ctx.settings.labelSchema, 'url', isUrl, (pair, value) => ctx.report({
            message: `Label \`${pair.name}\` is not a valid URL (an absolute URI such as \`https://example.com/repo\`): \`${value}\`.`,
            range: valueRange(pair)
        }));
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3053.ts


const DL3053 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3053',
    aliases: [],
    severity: 'warning',
    description: 'Label `<label>` is not a valid time format - must conform to RFC3339.',
    check(doc, ctx) {
        checkLabelValues(doc, ctx.settings.labelSchema, 'rfc3339', isRfc3339, (pair, value) => ctx.report({
            message: `Label \`${pair.name}\` is not an RFC 3339 time (e.g. \`2024-05-01T12:00:00Z\`): \`${value}\`.`,
            range: valueRange(pair)
        }));
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3054.ts


const DL3054 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3054',
    aliases: [],
    severity: 'warning',
    description: 'Label `<label>` is not a valid SPDX identifier.',
    check(doc, ctx) {
        checkLabelValues(doc, ctx.settings.labelSchema, 'spdx', isSpdx, (pair, value) => ctx.report({
            message: `Label \`${pair.name}\` is not an SPDX license identifier (e.g. \`Apache-2.0\`): \`${value}\`.`,
            range: valueRange(pair)
        }));
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3055.ts


const DL3055 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3055',
    aliases: [],
    severity: 'warning',
    description: 'Label `<label>` is not a valid git hash.',
    check(doc, ctx) {
        checkLabelValues(doc, ctx.settings.labelSchema, 'hash', isGitHash, (pair, value) => ctx.report({
            message: `Label \`${pair.name}\` is not a git commit hash (7 or 40 lower-case hex digits): \`${value}\`.`,
            range: valueRange(pair)
        }));
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3056.ts


const DL3056 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3056',
    aliases: [],
    severity: 'warning',
    description: 'Label `<label>` does not conform to semantic versioning.',
    check(doc, ctx) {
        checkLabelValues(doc, ctx.settings.labelSchema, 'semver', isSemver, (pair, value) => ctx.report({
            message: `Label \`${pair.name}\` is not a semantic version (e.g. \`1.4.2\`): \`${value}\`.`,
            range: valueRange(pair)
        }));
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3057.ts


const DL3057 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3057',
    aliases: ['AVD-DS-0026', 'CKV_DOCKER_2'],
    severity: 'info',
    enabledByDefault: false,
    description: '`HEALTHCHECK` instruction missing.',
    check(doc, ctx) {
        // Only the image the file builds: the last stage, with what it inherits from earlier stages.
        const last = doc.stages[doc.stages.length - 1];
        if (!last)
            return;
        const has = (0,stages/* lineage */.OZ)(last).some((s) => s.instructions.some((i) => i.keyword === 'HEALTHCHECK'));
        if (has)
            return;
        const from = last.from;
        const end = from.args.length > 0 ? from.args[from.args.length - 1].end : from.keywordSpan.end;
        ctx.report({
            message: 'The image has no HEALTHCHECK: orchestrators cannot tell a hung container from a healthy one (use `HEALTHCHECK NONE` to state that on purpose).',
            range: doc.span(from.keywordSpan.start, end).range
        });
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3058.ts


const DL3058 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3058',
    aliases: [],
    severity: 'warning',
    description: 'Label `<label>` is not a valid email format - must conform to RFC5322.',
    check(doc, ctx) {
        checkLabelValues(doc, ctx.settings.labelSchema, 'email', isEmail, (pair, value) => ctx.report({
            message: `Label \`${pair.name}\` is not an RFC 5322 email address: \`${value}\`.`,
            range: valueRange(pair)
        }));
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/lib/style.ts
function continuationStyle(doc) {
    const votes = { leading: 0, trailing: 0 };
    const indents = new Map();
    for (let line = 2; line <= doc.lines.lineCount; line++) {
        const prev = doc.lines.lineText(line - 1);
        if (!prev.trimEnd().endsWith(doc.escape))
            continue;
        const text = doc.lines.lineText(line);
        const m = /^([ \t]+)(\S.*)$/.exec(text);
        if (!m || m[2].startsWith('#'))
            continue;
        indents.set(m[1], (indents.get(m[1]) ?? 0) + 1);
        if (/^(&&|\|\|)/.test(m[2]))
            votes.leading++;
        else if (/(&&|\|\|)\s*\S\s*$/.test(prev.trimEnd()))
            votes.trailing++;
    }
    let indent = '    ';
    let best = 0;
    for (const [candidate, count] of indents) {
        if (count > best) {
            indent = candidate;
            best = count;
        }
    }
    return { indent, leadingOperator: votes.leading > votes.trailing };
}

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3059.ts


function flagsKey(inst) {
    return inst.flags
        .map((f) => `${f.name}=${f.value ?? ''}`)
        .sort()
        .join(' ');
}
/**
 * Merge `inst` into `prev`: ` && \` (or ` \` + `&& ` in leading-operator files) at the end of
 * `prev`, comment lines in between kept, blank lines dropped (an empty continuation line is
 * deprecated syntax), and `inst`'s keyword and flags replaced by the file's indentation.
 */
function mergeFix(doc, prev, inst, style) {
    const prevEnd = prev.textOffsets[prev.text.trimEnd().length - 1] + 1;
    const firstLine = inst.range.start.line;
    const between = [];
    for (let line = prev.range.end.line + 1; line < firstLine; line++) {
        const text = doc.lines.lineText(line);
        if (text.trim() !== '')
            between.push(text + doc.text.slice(doc.lines.lineEnd(line), doc.lines.lineStart(line + 1)));
    }
    const eolStart = doc.lines.lineEnd(prev.range.end.line);
    const eol = doc.text.slice(eolStart, doc.lines.lineStart(prev.range.end.line + 1));
    const join = style.leadingOperator ? ` ${doc.escape}` : ` && ${doc.escape}`;
    const lead = style.leadingOperator ? `${style.indent}&& ` : style.indent;
    return {
        description: 'Merge this RUN into the previous one with `&& \\` (one layer: a failure or cache miss now re-runs both commands).',
        safe: false,
        edits: [
            {
                range: doc.span(prevEnd, inst.argsSpan.start).range,
                text: `${join}${eol}${between.join('')}${lead}`
            }
        ]
    };
}
const DL3059 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3059',
    aliases: [],
    severity: 'info',
    fixable: true,
    description: 'Multiple consecutive `RUN` instructions. Consider consolidation.',
    check(doc, ctx) {
        let style;
        for (let k = 1; k < doc.instructions.length; k++) {
            const prev = doc.instructions[k - 1];
            const inst = doc.instructions[k];
            if (prev.keyword !== 'RUN' || inst.keyword !== 'RUN')
                continue;
            // Layers of build stages never reach the image; separate RUNs there keep the cache fine-grained.
            if (inst.stage && !inst.stage.inFinalImage)
                continue;
            // A heredoc is already a consolidated script.
            if (prev.heredocs.length > 0 || inst.heredocs.length > 0)
                continue;
            if (flagsKey(prev) !== flagsKey(inst))
                continue;
            const a = doc.shell(prev);
            const b = doc.shell(inst);
            // hadolint: only RUNs of a single command each; chained RUNs were split on purpose.
            if (!a || !b || a.commands.length > 1 || b.commands.length > 1)
                continue;
            const mergeable = !a.error && !b.error && inst.argsSpan !== undefined && prev.text.trim() !== '';
            style ??= continuationStyle(doc);
            ctx.report({
                message: 'Consecutive RUN instructions each add a layer; merge them with `&&`.',
                range: inst.keywordSpan.range,
                fix: mergeable ? mergeFix(doc, prev, inst, style) : undefined
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3060.ts








const DL3060_CACHE = ['.cache/yarn', '.yarn/cache', '.yarn/berry/cache'];
const NOT_INSTALL = ['--version', '-v', '--help', '-h'];
/** `yarn install`, or a bare `yarn` (with flags only), which installs too. */
function yarnInstall(cmd) {
    if ((0,runs/* commandName */.p6)(cmd) !== 'yarn')
        return false;
    if (hasWord(cmd, ['install']))
        return true;
    return cmd.args.every((a) => isFlag(a) && !NOT_INSTALL.includes(a.value));
}
function yarnClean(cmd) {
    if ((0,runs/* commandName */.p6)(cmd) !== 'yarn')
        return false;
    const cache = cmd.args.findIndex((a) => a.value === 'cache');
    return cache !== -1 && cmd.args[cache + 1]?.value === 'clean';
}
const DL3060 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3060',
    aliases: [],
    severity: 'info',
    perInstruction: true,
    fixable: true,
    description: '`yarn cache clean` missing after `yarn install` was run.',
    check(doc, ctx) {
        for (const inst of (0,runs/* runsCalling */.HP)(doc, 'yarn')) {
            // Only layers that end up in an image (ONBUILD triggers always run in a child image).
            if (!inst.onbuild && !(0,stages/* reachesImage */.t0)(inst.stage))
                continue;
            const script = doc.shell(inst);
            if (!script || mountCovers((0,runs/* cacheMountTargets */.ug)(inst), DL3060_CACHE))
                continue;
            const install = installWithoutClean(script.commands, yarnInstall, yarnClean);
            if (!install)
                continue;
            const word = install.args.find((a) => a.value === 'install') ?? install.words[0];
            ctx.report({
                message: 'Run `yarn cache clean` after `yarn install` in the same RUN; the yarn cache otherwise stays in the layer.',
                range: doc.span(install.start, word.end).range,
                fix: (0,fixes/* withEffect */.yu)(fix('Append `&& yarn cache clean` to the RUN.', true, appendCommand(doc, inst, 'yarn cache clean')), { kind: 'append-command', argv: 'yarn cache clean'.split(' ') })
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3061.ts

const DL3061 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3061',
    aliases: [],
    severity: 'error',
    description: 'Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.',
    check(doc, ctx) {
        for (const inst of doc.instructions) {
            if (inst.keyword === 'FROM')
                return;
            if (inst.keyword === 'ARG')
                continue;
            ctx.report({
                message: 'Instruction before the first FROM: only ARG (and comments or parser directives) may come before FROM.',
                range: inst.keywordSpan.range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3062.ts





/** `go build`-family flags that take a separate value (Go flags are single-dash words). */
const DL3062_VALUE_FLAGS = new Set([
    'C',
    'o',
    'p',
    'asmflags',
    'buildmode',
    'compiler',
    'gccgoflags',
    'gcflags',
    'installsuffix',
    'ldflags',
    'mod',
    'modfile',
    'overlay',
    'pgo',
    'pkgdir',
    'tags',
    'toolexec',
    'exec',
    'coverpkg',
    'covermode'
]);
/**
 * Non-flag arguments of a `go` command: Go flags are single-dash words (`-ldflags`), some take a
 * separate value (`-o file`), `-flag=value` carries its own.
 */
function operands(cmd) {
    const out = [];
    const args = cmd.args;
    for (let i = 0; i < args.length; i++) {
        const w = args[i];
        if (!isFlag(w))
            out.push(w);
        else if (!w.value.includes('=') && DL3062_VALUE_FLAGS.has(w.value.replace(/^--?/, '')))
            i++;
    }
    return out;
}
/** A module path rather than a local directory, a file or a meta-package (`all`, `std`, `cmd`, `tool`). */
function isRemote(value) {
    return !(value.startsWith('.') ||
        value.startsWith('/') ||
        value.endsWith('.go') ||
        value === 'all' ||
        value === 'std' ||
        value === 'cmd' ||
        value === 'tool');
}
const DL3062 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3062',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    description: 'Pin versions in go install, go get and go run (`<module>@<version>`).',
    check(doc, ctx) {
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, 'go')) {
            if ((0,runs/* commandName */.p6)(cmd) !== 'go')
                continue;
            const [sub, ...rest] = operands(cmd);
            if (!sub || !['install', 'get', 'run'].includes(sub.value))
                continue;
            // `go run pkg args…`: only the package is a module; the rest are the program's arguments.
            const packages = sub.value === 'run' ? rest.slice(0, 1) : rest;
            const unpinned = [];
            for (const w of packages) {
                if (onlyVariable(w))
                    continue;
                const value = w.literal ? w.value : w.raw.replace(/^["']|["']$/g, '');
                if (!isRemote(value))
                    continue;
                const at = value.lastIndexOf('@');
                const version = at === -1 ? '' : value.slice(at + 1);
                if (version === '' || version === 'latest' || version === 'none')
                    unpinned.push(w);
            }
            if (unpinned.length === 0)
                continue;
            const first = unpinned[0];
            const last = unpinned[unpinned.length - 1];
            ctx.report({
                message: `Pin the module version in \`go ${sub.value}\`: ${unpinned.map((w) => `\`${w.value}\``).join(', ')} (use \`<module>@v1.2.3\`, not \`@latest\`).`,
                range: doc.span(first.start, last.end).range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3063.ts

const DL3063_RESERVED = new Set(['scratch', 'context']);
const DL3063 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3063',
    aliases: ['ReservedStageName'],
    severity: 'warning',
    fixable: true,
    description: 'Stage name `scratch` or `context` is reserved.',
    check(doc, ctx) {
        const names = new Set(doc.stages.map((s) => s.name).filter((n) => n !== undefined));
        for (const stage of doc.stages) {
            if (!stage.name || !stage.nameSpan || !DL3063_RESERVED.has(stage.name))
                continue;
            // Narrow fix: rename only a stage nothing refers to (references to `scratch`/`context` are ambiguous).
            const referenced = doc.instructions.some((top) => {
                const inst = top.trigger ?? top;
                if (inst.keyword === 'FROM' && inst !== stage.from) {
                    return inst.args[0]?.value.toLowerCase() === stage.name;
                }
                return inst.flags.some((f) => f.value !== null &&
                    ((f.name === 'from' && f.value.toLowerCase() === stage.name) ||
                        (f.name === 'mount' && new RegExp(`(^|,)from=${stage.name}(,|$)`, 'i').test(f.value))));
            });
            let renamed = `${stage.name}-stage`;
            for (let k = 2; names.has(renamed); k++)
                renamed = `${stage.name}-stage-${k}`;
            const fix = referenced
                ? undefined
                : {
                    description: `Rename the stage to \`${renamed}\`; a \`docker build --target ${stage.name}\` must use the new name.`,
                    safe: false,
                    edits: [{ range: stage.nameSpan.range, text: renamed }]
                };
            ctx.report({
                message: `\`${stage.name}\` is reserved and cannot name a stage: \`FROM ${stage.name}\` and \`--from=${stage.name}\` would not mean this stage.`,
                range: stage.nameSpan.range,
                fix
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3064.ts


/** Variable names that are credentials as a rule (CI/cloud/registry tokens and passwords). */
const KNOWN = new Set(`ACCESS_TOKEN APPLICATION_KEY APP_SECRET AUTH_TOKEN AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
AWS_SESSION_TOKEN AZURE_CLIENT_SECRET BITTREX_API_KEY BITTREX_API_SECRET CF_PASSWORD CF_USERNAME
CIRCLE_TOKEN CI_DEPLOY_PASSWORD CI_DEPLOY_USER CODECOV_TOKEN DOCKERHUB_PASSWORD DOCKER_EMAIL
DOCKER_PASSWORD DOCKER_USERNAME FACEBOOK_ACCESS_TOKEN FACEBOOK_APP_ID FACEBOOK_APP_SECRET
FIREBASE_API_TOKEN FIREBASE_TOKEN FOSSA_API_KEY GH_ENTERPRISE_TOKEN GH_TOKEN GITHUB_ENTERPRISE_TOKEN
GITHUB_TOKEN GITLAB_TOKEN GOOGLE_APPLICATION_CREDENTIALS HEROKU_API_KEY HEROKU_API_USER HF_TOKEN
NPM_AUTH_TOKEN NPM_TOKEN NUGET_API_KEY OKTA_AUTHN_GROUPID OKTA_CLIENT_ORGURL OKTA_CLIENT_TOKEN
OKTA_OAUTH2_CLIENTID OKTA_OAUTH2_CLIENTSECRET OPENAI_API_KEY OS_PASSWORD OS_USERNAME POSTGRES_PASSWORD
SENTRY_AUTH_TOKEN SLACK_TOKEN SONAR_TOKEN STRIPE_API_KEY STRIPE_DEVICE_NAME TRAVIS_OS_NAME
TRAVIS_SECURE_ENV_VARS TRAVIS_SUDO VAULT_CLIENT_KEY VAULT_TOKEN`.split(/\s+/));
/** Fragments that make a name look like a credential. */
const SUSPICIOUS = /api_key|client_key|password|private|secret|token|username/i;
/**
 * Names that point at a secret instead of holding it (`POSTGRES_PASSWORD_FILE=/run/secrets/db`,
 * the pattern Docker recommends), public values, and the conventional container user name.
 */
const NOT_A_SECRET = /(_FILE|_PATH|_DIR|_FILENAME)$|PUBLIC|^USERNAME$|^USER_NAME$/i;
function looksSecret(name) {
    if (KNOWN.has(name.toUpperCase()))
        return true;
    return SUSPICIOUS.test(name) && !NOT_A_SECRET.test(name);
}
const DL3064 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3064',
    aliases: ['AVD-DS-0031'],
    severity: 'warning',
    perInstruction: true,
    description: 'Potentially sensitive data should not be used in the `ARG` or `ENV` commands.',
    check(doc, ctx) {
        for (const keyword of ['ARG', 'ENV']) {
            for (const inst of (0,properties/* propertyInstructions */.X)(doc, keyword, true)) {
                for (const pair of (0,properties/* pairs */.A)(doc, inst)) {
                    if (!looksSecret(pair.name))
                        continue;
                    ctx.report({
                        message: `\`${keyword} ${pair.name}\` looks like a secret: ${keyword} values are stored in the image metadata and history. Pass it with \`RUN --mount=type=secret,id=…\` instead.`,
                        range: pair.nameSpan.range
                    });
                }
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3065.ts

const TARGET = /^["']?\$(\{TARGETPLATFORM\}|TARGETPLATFORM)["']?$/;
const DL3065 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3065',
    aliases: ['RedundantTargetPlatform'],
    severity: 'warning',
    fixable: true,
    description: 'Redundant `--platform=$TARGETPLATFORM` in `FROM`.',
    check(doc, ctx) {
        for (const stage of doc.stages) {
            const flag = stage.from.flags.find((f) => f.name === 'platform');
            if (!flag || !TARGET.test(flag.value ?? ''))
                continue;
            // Delete the flag and the blanks after it.
            let end = flag.end;
            while (doc.text[end] === ' ' || doc.text[end] === '\t')
                end++;
            ctx.report({
                message: '`--platform=$TARGETPLATFORM` is the default for FROM; remove it.',
                range: flag.range,
                fix: {
                    description: 'Remove the redundant `--platform` flag.',
                    safe: true,
                    edits: [{ range: doc.span(flag.start, end).range, text: '' }]
                }
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3066.ts


const NON_POSIX = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i;
const DL3066 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3066',
    aliases: [],
    severity: 'info',
    description: 'Non-numeric user-id may not be resolvable by host system.',
    check(doc, ctx) {
        // The USER the image runs as: the last one of the final stage's lineage (hadolint PR #1239).
        let user;
        const last = doc.stages[doc.stages.length - 1];
        if (last) {
            for (const stage of (0,stages/* lineage */.OZ)(last)) {
                user = [...stage.instructions].reverse().find((i) => i.keyword === 'USER');
                if (user)
                    break;
            }
        }
        else {
            user = [...doc.instructions].reverse().find((i) => i.keyword === 'USER');
        }
        const word = user?.args[0];
        if (!user || !word)
            return;
        // Windows images name users (ContainerAdministrator); they have no numeric ids.
        if (doc.escape === '`' || NON_POSIX.test(doc.shellOf(user)[0] ?? ''))
            return;
        const uid = word.value.split(':')[0];
        if (uid === '' || /^\d+$/.test(uid) || uid.includes('$'))
            return;
        ctx.report({
            message: `\`USER ${uid}\` is a name: Kubernetes \`runAsNonRoot\` and hosts without that user cannot verify it. Use a numeric UID (e.g. \`USER 10001\`).`,
            range: doc.span(word.start, word.start + uid.length).range
        });
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL3067.ts



const DL3067_ROOT = /^["']?\/["']?$/;
/**
 * The stage `--from` names, or undefined for an image reference (`tonistiigi/xx:1.4`,
 * `docker/cli`): tool images built to be copied whole. Unknown bare names count as stages.
 */
function source(doc, ref) {
    const name = ref.replace(/^["']|["']$/g, '').toLowerCase();
    const stage = doc.stages.find((s) => s.name === name) ??
        (/^\d+$/.test(name) ? doc.stages[Number(name)] : undefined);
    if (stage)
        return stage;
    return /[/:@.]/.test(name) ? undefined : 'stage';
}
/**
 * A stage whose root is meant to be copied whole: built FROM scratch (artifacts only), one of
 * several `FROM <name>-$VAR` variants that all are, or an alias of a helper-tool image (a stage
 * with no instructions of its own over an image that is no OS distribution, such as
 * `tonistiigi/xx`, whose documented use is `COPY --from=xx / /`).
 */
function wholeOnPurpose(doc, stage) {
    if ((0,stages/* rootImage */.gK)(stage) === 'scratch')
        return true;
    const variants = (0,stages/* variantStages */.Hx)(doc, stage);
    if (variants.length > 0 && variants.every((v) => (0,stages/* rootImage */.gK)(v) === 'scratch'))
        return true;
    const alias = !stage.parent && stage.instructions.every((i) => i.keyword === 'FROM' || i.keyword === 'ARG');
    return alias && !stage.image.unresolved && (0,dockerfile_distro/* stageDistro */["in"])(stage).family === 'unknown';
}
const DL3067 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL3067',
    aliases: [],
    severity: 'warning',
    description: 'Do not copy the entire filesystem from another stage (`COPY --from=<stage> / /`).',
    check(doc, ctx) {
        for (const top of doc.instructions) {
            const inst = top.trigger ?? top;
            if (inst.keyword !== 'COPY')
                continue;
            const from = inst.flags.find((f) => f.name === 'from');
            if (!from?.value)
                continue;
            const words = inst.json ? inst.json.items : inst.args;
            if (words.length !== 2 || !words.every((w) => DL3067_ROOT.test(w.value)))
                continue;
            const stage = source(doc, from.value);
            // An image reference, or a stage built FROM scratch, holds only what was put there on purpose.
            if (!stage || (stage !== 'stage' && wholeOnPurpose(doc, stage)))
                continue;
            ctx.report({
                message: '`COPY --from=… / /` copies the whole filesystem of the other stage, including its package databases and caches; copy the directories you need.',
                range: doc.span(words[0].start, words[1].end).range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL4000.ts


const DL4000 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL4000',
    aliases: ['MaintainerDeprecated', 'AVD-DS-0022', 'CKV_DOCKER_6'],
    severity: 'error',
    fixable: true,
    description: 'MAINTAINER is deprecated.',
    check(doc, ctx) {
        for (const inst of doc.instructions) {
            if (inst.keyword !== 'MAINTAINER')
                continue;
            const who = inst.text.trim().replace(/^"(.*)"$/, '$1');
            const label = inst.keywordText === inst.keywordText.toLowerCase() ? 'label' : 'LABEL';
            ctx.report({
                message: 'MAINTAINER is deprecated; use `LABEL maintainer="…"` (or `org.opencontainers.image.authors`).',
                range: inst.keywordSpan.range,
                fix: who
                    ? {
                        description: 'Replace `MAINTAINER` with a `maintainer` label.',
                        safe: true,
                        effect: { kind: 'metadata' },
                        edits: [
                            {
                                range: doc.span(inst.keywordSpan.start, inst.end).range,
                                // MAINTAINER text is literal; LABEL values expand `$` and escapes: quote them.
                                text: `${label} maintainer=${quoteWord(doc, who)}`
                            }
                        ]
                    }
                    : undefined
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL4001.ts



const TOOLS = new Set(['curl', 'wget']);
const DL4001 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL4001',
    aliases: ['AVD-DS-0014'],
    severity: 'warning',
    perInstruction: true,
    description: 'Either use Wget or Curl but not both.',
    check(doc, ctx) {
        // Per stage (and separately for ONBUILD triggers): the tools seen so far.
        const seen = new Map();
        const keyOf = (stage, onbuild) => `${stage?.index ?? -1}${onbuild ? 'o' : ''}`;
        for (const inst of (0,runs/* runsCalling */.HP)(doc, 'curl', 'wget')) {
            const script = doc.shell(inst);
            if (!script)
                continue;
            const key = keyOf((inst.onbuild ?? inst).stage, inst.onbuild !== undefined);
            const tools = seen.get(key) ?? new Set();
            seen.set(key, tools);
            for (const cmd of script.commands) {
                const name = (0,runs/* commandName */.p6)(cmd);
                if (!TOOLS.has(name))
                    continue;
                tools.add(name);
                if (tools.size < 2)
                    continue;
                const other = name === 'curl' ? 'wget' : 'curl';
                ctx.report({
                    message: `This stage uses both \`${other}\` and \`${name}\`: settle on one to keep a single download tool in the image.`,
                    range: doc.span(cmd.words[0].start, cmd.words[0].end).range
                });
                break;
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL4003.ts


const DL4003 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL4003',
    aliases: ['AVD-DS-0016', 'MultipleInstructionsDisallowed'],
    severity: 'warning',
    fixable: true,
    description: 'Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will take effect.',
    check(doc, ctx) {
        lastWins(doc, ctx, 'CMD');
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL4004.ts


const DL4004 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL4004',
    aliases: ['AVD-DS-0007'],
    severity: 'error',
    fixable: true,
    description: 'Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect.',
    check(doc, ctx) {
        lastWins(doc, ctx, 'ENTRYPOINT');
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL4005.ts






const SHELLS = /^\/(usr\/)?bin\/(bash|zsh|ash|dash|ksh|mksh)$/;
const DL4005 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL4005',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Use SHELL to change the default shell.',
    check(doc, ctx) {
        for (const { inst, script, cmd } of (0,runs/* commandsNamed */.i2)(doc, 'ln')) {
            if ((0,runs/* commandName */.p6)(cmd) !== 'ln')
                continue;
            const target = cmd.args.find((a) => a.value === '/bin/sh');
            if (!target)
                continue;
            // Relinking /bin/sh to the shell it already is (bash on the RHEL family) changes nothing.
            const linked = cmd.args.filter((a) => !isFlag(a))[0]?.value;
            const distro = stageDistroIn(doc, inst.stage, ctx.workspace);
            if (linked && distro.sh && (0,dockerfile_distro/* shProgram */.id)(distro, linked) === distro.sh)
                continue;
            // Narrow fix: a RUN that only relinks /bin/sh to a known shell becomes a SHELL instruction.
            let fix;
            const operands = cmd.args.filter((a) => !isFlag(a));
            const flags = cmd.args.filter(isFlag).map((a) => a.value);
            const shell = operands[0]?.value;
            if (!inst.onbuild &&
                script.commands.length === 1 &&
                inst.heredocs.length === 0 &&
                inst.flags.length === 0 &&
                operands.length === 2 &&
                operands[1] === target &&
                flags.every((f) => /^-[sfvnT]+$/.test(f)) &&
                flags.some((f) => f.includes('s')) &&
                shell !== undefined &&
                SHELLS.test(shell)) {
                const keyword = inst.keywordText === inst.keywordText.toLowerCase() ? 'shell' : 'SHELL';
                fix = {
                    description: `Replace the RUN with \`SHELL ["${shell}", "-c"]\`: later RUN instructions use ${shell}, but /bin/sh in the image stays the original shell for scripts and the container's processes.`,
                    safe: false,
                    edits: [
                        {
                            range: doc.span(inst.start, inst.end).range,
                            text: `${keyword} ["${shell}", "-c"]`
                        }
                    ]
                };
            }
            ctx.report({
                message: 'Do not relink /bin/sh; set the shell for RUN with a `SHELL` instruction instead.',
                range: doc.span(target.start, target.end).range,
                fix
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DL4006.ts





const DL4006_NON_POSIX = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i;
const PIPEFAIL_SHELLS = /(^|\/)(bash|zsh|ash|ksh|mksh)$/;
/** Does a SHELL instruction run a shell that honours `-o pipefail` with it set (or a non-POSIX one)? */
function shellIsSafe(inst) {
    const argv = inst.json?.values;
    if (!argv || argv.length === 0)
        return false;
    if (DL4006_NON_POSIX.test(argv[0]))
        return true;
    if (!PIPEFAIL_SHELLS.test(argv[0]))
        return false;
    return argv.some((a, i) => i > 0 && a === 'pipefail' && /^-[a-z]*o$/i.test(argv[i - 1] ?? ''));
}
/** The first piped command comes after a `set -o pipefail` (`set -euo pipefail`, …) in the same script. */
function setsPipefail(script) {
    for (const cmd of script.commands) {
        if (cmd.piped)
            return false;
        if ((0,runs/* commandName */.p6)(cmd) === 'set' &&
            cmd.args.some((a, i) => a.value === 'pipefail' && /^-[a-z]*o$/i.test(cmd.args[i - 1]?.value ?? '')))
            return true;
    }
    return false;
}
/**
 * Commands whose failure a pipe cannot hide: `echo`/`printf` of text never fail, and `yes` is
 * killed by SIGPIPE on purpose (pipefail would turn that into a failure).
 */
const NEVER_FAIL = new Set(['echo', 'printf', 'true', 'yes']);
/**
 * The first `|` whose left-hand command can fail (`curl … | tar`), or undefined when every pipe
 * starts from a command that cannot (`echo "$SUM *file" | sha256sum -c -`).
 */
function hiddenFailure(doc, script) {
    for (const cmd of script.commands) {
        if (cmd.next !== '|' && cmd.next !== '|&')
            continue;
        if (NEVER_FAIL.has((0,runs/* commandName */.p6)(cmd)))
            continue;
        const end = cmd.nextEnd;
        const start = end - cmd.next.length;
        return doc.text.slice(start, end) === cmd.next
            ? { start, end }
            : { start: cmd.start, end: cmd.end };
    }
    return undefined;
}
const DL4006 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DL4006',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check.',
    check(doc, ctx) {
        // Whether the SHELL in effect at the end of each stage is safe (a stage built FROM an
        // earlier one inherits its SHELL).
        const safeAtEnd = new Map();
        let safe = false;
        let shellSet = false;
        let fixed = false;
        let current;
        for (const inst of doc.instructions) {
            if (inst.stage !== current) {
                if (current)
                    safeAtEnd.set(current, safe);
                current = inst.stage;
                const parent = current?.parent;
                safe = parent ? (safeAtEnd.get(parent) ?? false) : false;
                shellSet = parent ? parent.instructions.some((i) => i.keyword === 'SHELL') : false;
                fixed = false;
            }
            if (inst.keyword === 'SHELL') {
                safe = shellIsSafe(inst);
                shellSet = true;
                continue;
            }
            if (inst.keyword !== 'RUN' || safe)
                continue;
            const script = doc.shell(inst);
            if (!script?.hasPipe || setsPipefail(script))
                continue;
            const pipe = hiddenFailure(doc, script);
            if (!pipe)
                continue;
            let fix;
            // Only a shell the image has: ash on Alpine/BusyBox, bash where the image ships it.
            const distro = stageDistroIn(doc, inst.stage, ctx.workspace);
            const shell = distro.userland === 'busybox' && (0,dockerfile_distro/* hasShell */.P6)(distro, '/bin/ash')
                ? '/bin/ash'
                : (0,dockerfile_distro/* hasShell */.P6)(distro, '/bin/bash')
                    ? '/bin/bash'
                    : undefined;
            const shebang = inst.heredocs.length > 0 && inst.heredocs[0].content.startsWith('#!');
            if (!fixed && !shellSet && shell && !shebang) {
                fixed = true;
                const keyword = inst.keywordText === inst.keywordText.toLowerCase() ? 'shell' : 'SHELL';
                fix = {
                    description: `Insert \`SHELL ["${shell}", "-o", "pipefail", "-c"]\` before this RUN: it and every later RUN of the stage run under ${shell} and fail when any command of a pipe fails (unsafe: a pipe whose first command fails on purpose now fails the build).`,
                    safe: false,
                    edits: [insertLineBefore(doc, inst, `${keyword} ["${shell}", "-o", "pipefail", "-c"]`)]
                };
            }
            ctx.report({
                message: 'A pipe in RUN hides failures of all but the last command: set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (`/bin/ash` on Alpine) or `set -o pipefail` first.',
                range: doc.span(pipe.start, pipe.end).range,
                fix
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/hadolint-rules.ts








































































/** hadolint's DL rules under hadolint's ids, sorted by id. */
const hadolintRules = [
    DL1000,
    DL1001,
    DL3000,
    DL3001,
    DL3002,
    DL3003,
    DL3004,
    DL3006,
    DL3007,
    DL3008,
    DL3009,
    DL3010,
    DL3011,
    DL3012,
    DL3013,
    DL3014,
    DL3015,
    DL3016,
    DL3018,
    DL3019,
    DL3020,
    DL3021,
    DL3022,
    DL3023,
    DL3024,
    DL3025,
    DL3026,
    DL3027,
    DL3028,
    DL3029,
    DL3030,
    DL3032,
    DL3033,
    DL3034,
    DL3035,
    DL3036,
    DL3037,
    DL3038,
    DL3040,
    DL3041,
    DL3042,
    DL3043,
    DL3044,
    DL3045,
    DL3046,
    DL3047,
    DL3048,
    DL3049,
    DL3050,
    DL3051,
    DL3052,
    DL3053,
    DL3054,
    DL3055,
    DL3056,
    DL3057,
    DL3058,
    DL3059,
    DL3060,
    DL3061,
    DL3062,
    DL3063,
    DL3064,
    DL3065,
    DL3066,
    DL3067,
    DL4000,
    DL4001,
    DL4003,
    DL4004,
    DL4005,
    DL4006
];

// EXTERNAL MODULE: ./src/core/not-checked.ts
var not_checked = __webpack_require__(1370);
;// CONCATENATED MODULE: ./src/rules/dockerfile/DR0001.ts


/**
 * A Dockerfile that was not fully checked fails closed (src/core/not-checked.ts). The engine
 * reports it — when the file could not be read (a symbolic link, outside the workspace, binary,
 * too large), when parsing or a rule failed on it, or at the last-resort time guard — so this
 * rule's own check has nothing to look at; it exists so the finding has an id, a severity and a
 * page, and can be configured like any rule.
 */
const DR0001 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: not_checked/* NOT_CHECKED */.mI.dockerfile,
    aliases: ['not-fully-checked'],
    severity: 'error',
    description: 'The Dockerfile was not fully checked (not read, binary, too large, or linting it failed), so the check cannot vouch for it.',
    check() {
        // reported by the engine, see above
    }
});

// EXTERNAL MODULE: ./src/rules/dockerfile/lib/shellcheck-script.ts
var shellcheck_script = __webpack_require__(7152);
;// CONCATENATED MODULE: ./src/rules/dockerfile/DR0010.ts


/**
 * A RUN whose script ShellCheck did not check: over the limits of what it is given (size,
 * nesting, commands, chain length, variable names: SHELLCHECK_LIMITS), or ShellCheck ran out of
 * its memory or CPU limit or failed on it. Its SC findings are unknown, so the RUN is not fully
 * checked: an error, reported at the RUN, that says why and quotes nothing from the file.
 */
const DR0010 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR0010',
    severity: 'error',
    description: 'A RUN script ShellCheck did not check (too large or too complex to give it, or ShellCheck ran out of memory or time on it): its SC findings are unknown.',
    check(doc, ctx) {
        const shellcheck = (0,shellcheck_script/* shellcheckOf */.wI)(ctx);
        if (!shellcheck)
            return;
        for (const { rs, notChecked } of (0,shellcheck_script/* checkedScripts */.KB)(doc, shellcheck)) {
            if (notChecked === undefined)
                continue;
            ctx.report({
                message: `Not checked by ShellCheck: ${notChecked}. Its SC findings are unknown; split or simplify this RUN (or move the script into a file that is COPYed and checked on its own).`,
                range: rs.inst.keywordSpan.range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR0011.ts

/**
 * A RUN whose script docker-review did not parse because it is beyond SHELL_PARSE_LIMITS (size,
 * nesting, commands, chain length): the rules that read its commands saw only a rough split of
 * it, so the RUN is not fully checked. An error at the RUN that says which limit and quotes
 * nothing from the file.
 */
const DR0011 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR0011',
    severity: 'error',
    description: 'A RUN script too large or too deeply nested for docker-review to parse: the rules that read its commands did not fully check it.',
    check(doc, ctx) {
        const visit = (inst) => {
            if (inst.keyword === 'RUN' && !inst.json) {
                const limit = doc.shell(inst)?.limit;
                if (limit !== undefined) {
                    ctx.report({
                        message: `Not analysed: the script of this RUN is beyond what docker-review parses (${limit}), so the rules that read its commands saw only a rough split of it. Split or simplify this RUN.`,
                        range: inst.keywordSpan.range
                    });
                }
            }
            if (inst.trigger)
                visit(inst.trigger);
        };
        doc.instructions.forEach(visit);
    }
});

;// CONCATENATED MODULE: ./src/core/glob.ts
/**
 * Wildcard matching without regular expressions: a pattern written in a pull request (a `COPY`
 * source, say) must never be able to make matching slow. A regular expression built from
 * `*a*a*a*a*a*a*a*a*a*b` backtracks for seconds to hours on a long name (picomatch's included:
 * 17 s at nine stars); this matcher remembers only the last `*` it passed, so it takes at most
 * pattern length × text length steps, whatever the pattern.
 *
 * Syntax: `*` any run of characters (separators included: the callers match names and paths
 * alike), `?` any one character, `[abc]`, `[a-z]` and `[!…]`/`[^…]` one character of (or not of)
 * a set, `\x` the character x. An unclosed `[` is a literal `[`. Pure.
 */
function tokenize(pattern) {
    const tokens = [];
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*') {
            if (tokens[tokens.length - 1]?.kind !== 'star')
                tokens.push({ kind: 'star' });
        }
        else if (c === '?')
            tokens.push({ kind: 'any' });
        else if (c === '\\' && i + 1 < pattern.length)
            tokens.push({ kind: 'char', char: pattern[++i] });
        else if (c === '[') {
            const set = readSet(pattern, i);
            if (set) {
                tokens.push(set.token);
                i = set.end;
            }
            else
                tokens.push({ kind: 'char', char: c });
        }
        else
            tokens.push({ kind: 'char', char: c });
    }
    return tokens;
}
/** The set starting at `start` (a `[`) and the index of its closing `]`, or undefined if unclosed. */
function readSet(pattern, start) {
    let i = start + 1;
    const negated = pattern[i] === '!' || pattern[i] === '^';
    if (negated)
        i++;
    const ranges = [];
    let first = true;
    while (i < pattern.length) {
        let c = pattern[i];
        if (c === ']' && !first)
            return { token: { kind: 'set', negated, ranges }, end: i };
        if (c === '\\' && i + 1 < pattern.length)
            c = pattern[++i];
        if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
            let hi = pattern[i + 2];
            i += 2;
            if (hi === '\\' && i + 1 < pattern.length)
                hi = pattern[++i];
            ranges.push([c, hi]);
        }
        else
            ranges.push([c, c]);
        first = false;
        i++;
    }
    return undefined;
}
function matchesOne(token, c) {
    switch (token.kind) {
        case 'any':
            return true;
        case 'char':
            return token.char === c;
        case 'set': {
            const inside = token.ranges.some(([lo, hi]) => c >= lo && c <= hi);
            return inside !== token.negated;
        }
        default:
            return false;
    }
}
/** Does `pattern` match the whole of `text`? */
function wildcardMatch(pattern, text) {
    const tokens = tokenize(pattern);
    let t = 0;
    let p = 0;
    let starP = -1;
    let starT = 0;
    while (t < text.length) {
        const token = tokens[p];
        if (token && token.kind !== 'star' && matchesOne(token, text[t])) {
            p++;
            t++;
        }
        else if (token?.kind === 'star') {
            starP = p++;
            starT = t;
        }
        else if (starP !== -1) {
            p = starP + 1;
            t = ++starT;
        }
        else
            return false;
    }
    while (tokens[p]?.kind === 'star')
        p++;
    return p === tokens.length;
}
/** Does `pattern` hold a wildcard (`*`, `?` or `[`)? */
function hasWildcard(pattern) {
    return /[*?[]/.test(pattern);
}

// EXTERNAL MODULE: ./node_modules/ignore/index.js
var ignore = __webpack_require__(298);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
;// CONCATENATED MODULE: ./src/dockerfile/build-context.ts



/**
 * Parse `.dockerignore` text. Docker's semantics: every pattern is relative to the context root,
 * patterns are tried in order and the last one that matches a path (or one of its parent folders)
 * decides, so `!` exceptions can re-include files inside an excluded folder.
 */
function parseDockerignore(path, text) {
    const patterns = [];
    for (const raw of text.split(/\r?\n/)) {
        let line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const exclusion = line.startsWith('!');
        if (exclusion)
            line = line.slice(1).trim();
        const cleaned = (0,core_paths/* cleanPath */.ts)(line);
        if (cleaned === '.')
            continue;
        try {
            patterns.push({ matcher: ignore_default()().add(`/${cleaned}`), exclusion });
        }
        catch {
            // A pattern `ignore` cannot read: Docker would reject the file; we skip the line.
        }
    }
    return {
        path,
        excludes(file) {
            const clean = (0,core_paths/* cleanPath */.ts)(file);
            if (clean === '.')
                return false;
            let matched = false;
            for (const p of patterns) {
                if (p.exclusion !== matched)
                    continue;
                if (p.matcher.ignores(clean))
                    matched = !p.exclusion;
            }
            return matched;
        }
    };
}
const build_context_COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const contextCache = new WeakMap();
/**
 * The build context of the Dockerfile at `path`: the `build.context` of a compose service (in a
 * compose file in the Dockerfile's folder or any folder above) whose `build.dockerfile` is this
 * file, else the Dockerfile's own folder.
 */
function buildContextOf(path, ws) {
    let byPath = contextCache.get(ws);
    if (!byPath)
        contextCache.set(ws, (byPath = new Map()));
    const cached = byPath.get(path);
    if (cached)
        return cached;
    const target = (0,core_paths/* cleanPath */.ts)(path);
    let found = { dir: (0,core_paths/* dirOf */.Rw)(path), from: 'dockerfile' };
    search: for (let dir = (0,core_paths/* dirOf */.Rw)(path);; dir = (0,core_paths/* dirOf */.Rw)(dir)) {
        for (const name of build_context_COMPOSE_FILES) {
            const context = composeContextFor(ws, dir, name, target);
            if (context !== undefined) {
                found = { dir: context, from: 'compose' };
                break search;
            }
        }
        if (dir === '.' || dir === '/' || dir === '')
            break;
    }
    byPath.set(path, found);
    return found;
}
/** The context of a service in `dir/name` that builds `target`, if any. */
function composeContextFor(ws, dir, name, target) {
    return build_context_composeBuilds(ws, dir, name)?.find((b) => b.dockerfile === target)?.context;
}
const build_context_buildsCache = new WeakMap();
/**
 * The builds of the compose file `dir/name` (null: none there, or not YAML), read once per
 * workspace: every Dockerfile below its folder asks, and parsing it for each one made YAML ~37 %
 * of what linting the corpus's Dockerfiles allocated, laid out with their compose files at their
 * original paths (1.2 GB of 3.2 GB).
 */
function build_context_composeBuilds(ws, dir, name) {
    let byPath = build_context_buildsCache.get(ws);
    if (!byPath)
        build_context_buildsCache.set(ws, (byPath = new Map()));
    const path = (0,core_paths/* joinPath */.uJ)(dir, name);
    const cached = byPath.get(path);
    if (cached !== undefined)
        return cached;
    const builds = readComposeBuilds(ws, dir, path);
    byPath.set(path, builds);
    return builds;
}
function readComposeBuilds(ws, dir, path) {
    const text = ws.readFile(path);
    if (text === undefined)
        return null;
    let data;
    try {
        data = yamlValue(text);
    }
    catch {
        return null;
    }
    const services = data?.services;
    if (!services || typeof services !== 'object')
        return null;
    const builds = [];
    for (const service of Object.values(services)) {
        const build = service?.build;
        const context = typeof build === 'string' ? build : build?.context;
        const dockerfile = build?.dockerfile;
        if (build === undefined || (context !== undefined && typeof context !== 'string'))
            continue;
        if (typeof context === 'string' && /^[a-z]+:\/\/|^git@|\$/.test(context))
            continue;
        const contextDir = (0,core_paths/* cleanPath */.ts)((0,core_paths/* joinPath */.uJ)(dir, typeof context === 'string' ? context : '.'));
        const file = typeof dockerfile === 'string' ? dockerfile : 'Dockerfile';
        builds.push({
            context: contextDir,
            dockerfile: (0,core_paths/* cleanPath */.ts)(file.startsWith('/') ? file : (0,core_paths/* joinPath */.uJ)(contextDir, file))
        });
    }
    return builds;
}
const ignoreCache = new WeakMap();
/**
 * The ignore file that applies to the Dockerfile: `<Dockerfile>.dockerignore` next to it, else
 * `.dockerignore` at the context root. Null when none exists, undefined when the workspace cannot
 * tell (nothing is known about the folder).
 */
function dockerignoreOf(doc, ws) {
    const cached = ignoreCache.get(doc);
    if (cached !== undefined)
        return cached;
    const dir = (0,core_paths/* dirOf */.Rw)(doc.path);
    const context = buildContextOf(doc.path, ws).dir;
    const name = doc.path.replace(/\\/g, '/').split('/').pop();
    for (const candidate of [
        (0,core_paths/* joinPath */.uJ)(dir, `${name}.dockerignore`),
        (0,core_paths/* joinPath */.uJ)(context, '.dockerignore')
    ]) {
        const text = ws.readFile(candidate);
        if (text !== undefined) {
            const found = parseDockerignore(candidate, text);
            ignoreCache.set(doc, found);
            return found;
        }
    }
    if (ws.listDir(context) === undefined)
        return undefined;
    ignoreCache.set(doc, null);
    return null;
}
/** COPY/ADD from the build context: not `--from`, not heredoc-only. */
function copiesFromContext(inst) {
    if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD')
        return false;
    return !inst.flags.some((f) => f.name === 'from');
}
/** Local sources of a COPY/ADD (URLs, heredoc names and variables excluded). */
function localSources(inst) {
    const values = inst.json ? inst.json.values : inst.args.map((a) => a.value);
    const tokens = inst.json ? inst.json.items : inst.args;
    const out = [];
    for (let i = 0; i < values.length - 1; i++) {
        const value = values[i].replace(/^["']|["']$/g, '');
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^git@/.test(value))
            continue;
        if (value.startsWith('<<') || value.includes('$'))
            continue;
        out.push({ value, path: (0,core_paths/* cleanPath */.ts)(value), token: tokens[i] });
    }
    return out;
}
/**
 * Files of the context folder `dir`, breadth first, skipping folders `.dockerignore` excludes and
 * the usual bulky ones; bounded so a huge repository stays cheap.
 */
function contextFiles(ws, dir, ignored, limits = { depth: 4, entries: 5000 }) {
    const out = [];
    let seen = 0;
    let level = ['.'];
    for (let depth = 0; depth <= limits.depth && level.length > 0; depth++) {
        const next = [];
        for (const rel of level) {
            const names = ws.listDir(rel === '.' ? dir : (0,core_paths/* joinPath */.uJ)(dir, rel));
            if (!names)
                continue;
            for (const name of names) {
                if (++seen > limits.entries)
                    return out;
                const path = rel === '.' ? name : `${rel}/${name}`;
                if (ignored?.excludes(path))
                    continue;
                const isDir = ws.listDir((0,core_paths/* joinPath */.uJ)(dir, path)) !== undefined;
                if (isDir) {
                    if (!BULKY.has(name))
                        next.push(path);
                }
                else
                    out.push({ path, name });
            }
        }
        level = next;
    }
    return out;
}
const BULKY = new Set(['.git', 'node_modules', 'vendor', '.venv', 'venv', '__pycache__', 'target']);

;// CONCATENATED MODULE: ./src/rules/dockerfile/lib/word-edits.ts

/**
 * Deletions inside instructions that keep the rest intact: a removed word takes the gap before it
 * with it (back to the end of the previous word, so a continuation line that held only that word
 * disappears instead of leaving an empty continuation behind).
 */
/** Delete `cmd.args[from..to]` (inclusive) together with the gap before them. */
function removeArgs(doc, cmd, from, to = from) {
    const k = cmd.words.indexOf(from);
    if (k <= 0 || cmd.words.indexOf(to) < k)
        return undefined;
    const start = cmd.words[k - 1].end;
    return { range: doc.span(start, to.end).range, text: '' };
}
/**
 * Remove one letter from a bundle of short flags (`-fsSLk` → `-fsSL`), or the whole word when it
 * is the only letter.
 */
function removeFlagLetter(doc, cmd, word, letter) {
    if (!word.literal || word.raw !== word.value || !/^-[A-Za-z0-9]+$/.test(word.raw))
        return undefined;
    if (word.raw === `-${letter}`)
        return removeArgs(doc, cmd, word);
    const at = word.raw.indexOf(letter, 1);
    if (at === -1)
        return undefined;
    return { range: doc.span(word.start + at, word.start + at + 1).range, text: '' };
}
/** Remove one `KEY=value` pair of ENV/ARG/LABEL, or the whole instruction when it is the only one. */
function removePair(doc, inst, all, pair) {
    const k = all.indexOf(pair);
    if (all.length === 1)
        return deleteInstruction(doc, inst);
    if (k > 0)
        return { range: doc.span(all[k - 1].span.end, pair.span.end).range, text: '' };
    return { range: doc.span(pair.span.start, all[1].span.start).range, text: '' };
}

;// CONCATENATED MODULE: ./src/rules/dockerfile/lib/insecure.ts



const FALSY = (v) => /^(0|false|no|off)$/i.test(v.trim());
/** Report ENV/ARG pairs (top level and ONBUILD) that turn verification off, with a removal fix. */
function reportEnvSettings(doc, ctx, checks) {
    const byName = new Map(checks.map((c) => [c.name.toLowerCase(), c]));
    for (const top of doc.instructions) {
        const inst = top.trigger ?? top;
        if (inst.keyword !== 'ENV' && inst.keyword !== 'ARG')
            continue;
        const all = (0,properties/* pairs */.A)(doc, inst);
        for (const pair of all) {
            const check = byName.get(pair.name.toLowerCase());
            if (!check || !disables(check, pair))
                continue;
            ctx.report({
                message: `\`${inst.keyword} ${pair.name}${pair.value !== null ? `=${pair.value}` : ''}\` ${check.effect}; every later download in the image (and, for ENV, the running container) trusts whoever answers.`,
                range: pair.span.range,
                fix: {
                    description: `Remove \`${pair.name}\`. The build or the container may then fail where it relied on skipping the check (fix the certificate or mirror instead).`,
                    safe: false,
                    edits: [removePair(doc, inst, all, pair)]
                }
            });
        }
    }
}
function disables(check, pair) {
    // `ARG NAME` without a default sets nothing by itself.
    if (pair.value === null)
        return false;
    return check.disables ? check.disables(pair.value) : true;
}
/**
 * Report prefix assignments (`NAME=value cmd`) that turn verification off for that command. No fix:
 * the assignment may be the only way the command works today.
 */
function reportPrefixSettings(doc, ctx, cmd, checks) {
    for (const assign of cmd.assigns) {
        const eq = assign.indexOf('=');
        if (eq === -1)
            continue;
        const name = assign.slice(0, eq).toLowerCase();
        const value = assign.slice(eq + 1).replace(/^["']|["']$/g, '');
        const check = checks.find((c) => c.name.toLowerCase() === name);
        if (!check || (check.disables && !check.disables(value)))
            continue;
        ctx.report({
            message: `\`${check.name}\` ${check.effect} for \`${(0,runs/* commandName */.p6)(cmd)}\`: anyone on the network path can swap what it downloads.`,
            range: prefixRange(doc, cmd)
        });
    }
}
/** The span of a command's prefix assignments (`NAME=value … cmd`). */
function prefixRange(doc, cmd) {
    let end = cmd.words[0]?.start ?? cmd.end;
    while (end > cmd.start && /\s/.test(doc.text[end - 1]))
        end--;
    return doc.span(cmd.start, end).range;
}
/** Short options of curl that take a value: the rest of a bundle after them is that value. */
const CURL_VALUE_LETTERS = new Set('AbcCdDeEFHKmoPQrTuUwxXyYz');
/** The short-flag bundle of curl holding `-k` (`-fsSLk`), or undefined. */
function curlInsecureBundle(cmd) {
    let skipNext = false;
    for (const w of cmd.args) {
        if (skipNext) {
            skipNext = false;
            continue;
        }
        const v = w.value;
        if (!/^-[A-Za-z0-9]/.test(v) || v.startsWith('--'))
            continue;
        for (let i = 1; i < v.length; i++) {
            if (v[i] === 'k')
                return w;
            if (CURL_VALUE_LETTERS.has(v[i])) {
                if (i === v.length - 1)
                    skipNext = true;
                break;
            }
        }
    }
    return undefined;
}
/** `python -m pip …` / `python3 -m pip` count as pip. */
function isPip(cmd) {
    const name = (0,runs/* commandName */.p6)(cmd);
    if (/^pip(\d+(\.\d+)?)?$/.test(name))
        return true;
    return (/^python(\d+(\.\d+)?)?$/.test(name) &&
        cmd.args[0]?.value === '-m' &&
        /^pip(\d+(\.\d+)?)?$/.test(cmd.args[1]?.value ?? ''));
}

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1001.ts








const INSTALLERS = /^(pip[\d.]*|python[\d.]*|npm|yarn|pnpm|pipenv|poetry|uv|go|bundle|composer|cargo)$/;
const PIP_VALUE_FLAGS = ['c', 'constraint', 'i', 'index-url', 'extra-index-url', 'f', 'find-links'];
/** The manifests a dependency install reads, or undefined when `cmd` is not one. */
function installOf(cmd) {
    const name = (0,runs/* commandName */.p6)(cmd);
    if (!INSTALLERS.test(name))
        return undefined;
    const args = argsNoFlags(cmd, []);
    const sub = args[0]?.value;
    if (isPip(cmd)) {
        const files = [];
        cmd.args.forEach((a, i) => {
            if ((a.value === '-r' || a.value === '--requirement') && cmd.args[i + 1]?.literal)
                files.push(cmd.args[i + 1].value);
            else if (/^--requirement=/.test(a.value))
                files.push(a.value.split('=')[1]);
            else if (/^-r./.test(a.value))
                files.push(a.value.slice(2));
        });
        const offset = name.startsWith('python') ? 1 : 0;
        const rest = argsNoFlags(cmd, ['r', 'requirement', ...PIP_VALUE_FLAGS]);
        if (rest[offset]?.value !== 'install' || files.length === 0)
            return undefined;
        // `pip install -r requirements.txt .` also installs the project itself.
        if (rest.length > offset + 1)
            return undefined;
        return { manifests: files, tool: 'pip' };
    }
    switch (name) {
        case 'npm':
            if (sub === 'ci' || ((sub === 'install' || sub === 'i') && args.length === 1))
                return {
                    manifests: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json'],
                    tool: 'npm',
                    glob: 'package*.json'
                };
            return undefined;
        case 'yarn':
            if (sub === undefined || (sub === 'install' && args.length === 1))
                return { manifests: ['package.json', 'yarn.lock'], tool: 'yarn', blockedBy: '.yarnrc.yml' };
            return undefined;
        case 'pnpm':
            if ((sub === 'install' || sub === 'i') && args.length === 1)
                return {
                    manifests: ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'],
                    tool: 'pnpm'
                };
            return undefined;
        case 'pipenv':
            if (sub === 'install' || sub === 'sync')
                return { manifests: ['Pipfile', 'Pipfile.lock'], tool: 'pipenv' };
            return undefined;
        case 'poetry':
            if (sub !== 'install')
                return undefined;
            return {
                manifests: ['pyproject.toml', 'poetry.lock'],
                tool: 'poetry',
                needsSources: cmd.args.some((a) => /^--(no-root|only)/.test(a.value))
                    ? undefined
                    : '`poetry install` also installs the project itself; use `poetry install --no-root` before the broad COPY'
            };
        case 'uv':
            if (sub !== 'sync')
                return undefined;
            return {
                manifests: ['pyproject.toml', 'uv.lock'],
                tool: 'uv',
                needsSources: cmd.args.some((a) => /^--no-install-project/.test(a.value))
                    ? undefined
                    : '`uv sync` also installs the project itself; use `uv sync --no-install-project` before the broad COPY'
            };
        case 'go':
            if (sub === 'mod' && args[1]?.value === 'download')
                return { manifests: ['go.mod', 'go.sum'], tool: 'go' };
            return undefined;
        case 'bundle':
            if (sub === 'install')
                return { manifests: ['Gemfile', 'Gemfile.lock'], tool: 'bundler' };
            return undefined;
        case 'composer':
            if (sub === 'install')
                return { manifests: ['composer.json', 'composer.lock'], tool: 'composer' };
            return undefined;
        case 'cargo':
            if (sub === 'fetch')
                return { manifests: ['Cargo.toml', 'Cargo.lock'], tool: 'cargo' };
            return undefined;
    }
    return undefined;
}
/** Commands that only prepare or clean up after a dependency install. */
function dependencyOnly(cmd) {
    if (installOf(cmd))
        return true;
    const name = (0,runs/* commandName */.p6)(cmd);
    const args = cmd.args.map((a) => a.value);
    if (isPip(cmd)) {
        const pkgs = argsNoFlags(cmd, PIP_VALUE_FLAGS).slice(name.startsWith('python') ? 2 : 1);
        return ((args.includes('install') &&
            pkgs.every((p) => /^(pip|setuptools|wheel|pipenv|poetry|uv)([=<>~!].*)?$/i.test(p.value))) ||
            args[0] === 'cache');
    }
    if (['npm', 'yarn', 'pnpm', 'bundle', 'composer'].includes(name))
        return ['config', 'cache', 'set', 'clear-cache'].includes(args[0] ?? '');
    if (name === 'corepack')
        return true;
    if (name === 'rm')
        return args.every((a) => a.startsWith('-') || /(\.cache|\.npm|^\/tmp\/)/.test(a));
    return false;
}
/** The broad COPY's destination resolves to the directory the install runs in. */
function samePlace(dest, workdir) {
    const d = dest.replace(/^["']|["']$/g, '');
    if (d === '.' || d === './')
        return true;
    if (workdir === undefined)
        return false;
    return (0,core_paths/* absolutePath */.Hi)(d.startsWith('/') ? d : `${workdir}/${d}`) === workdir;
}
/** Manifest files to copy: the required one and the optional ones that exist (or a glob when unknown). */
function manifestSources(ws, dir, install) {
    const listing = ws.listDir(dir);
    const [first, ...optional] = install.manifests;
    if (install.tool === 'pip') {
        const files = install.manifests.map((f) => f.replace(/^\.\//, ''));
        if (files.some((f) => f.startsWith('/') || f.includes('..') || f.includes('$')))
            return undefined;
        if (listing && files.some((f) => ws.readFile((0,core_paths/* joinPath */.uJ)(dir, f)) === undefined))
            return undefined;
        // Requirements files may include others (`-r base.txt`): copy their folder when not at the root.
        const out = new Set();
        for (const f of files) {
            out.add(f.includes('/') ? `${f.slice(0, f.lastIndexOf('/'))}/` : f);
            if (!f.includes('/') && listing) {
                for (const nested of nestedRequirements(ws.readFile((0,core_paths/* joinPath */.uJ)(dir, f)) ?? '')) {
                    if (nested.includes('/') || nested.includes('..'))
                        return undefined;
                    if (listing.includes(nested))
                        out.add(nested);
                }
            }
        }
        return [...out];
    }
    if (!listing)
        return install.glob ? [install.glob] : [first, ...optional.map((o) => `${o}*`)];
    if (!listing.includes(first))
        return undefined;
    if (install.blockedBy && listing.includes(install.blockedBy))
        return undefined;
    return [first, ...optional.filter((o) => listing.includes(o))];
}
function nestedRequirements(text) {
    const out = [];
    for (const line of text.split(/\r?\n/)) {
        const m = /^\s*(?:-r|--requirement|-c|--constraint)\s*=?\s*(\S+)/.exec(line);
        if (m)
            out.push(m[1]);
    }
    return out;
}
/** Separators between consecutive commands are plain `&&` (a simple chain we can cut). */
function simpleChain(doc, cmds) {
    for (let i = 1; i < cmds.length; i++) {
        if (cmds[i].start < cmds[i - 1].end || cmds[i].piped)
            return false;
        const between = doc.text
            .slice(cmds[i - 1].end, cmds[i].start)
            .replace(new RegExp(`\\${doc.escape}[ \\t]*\\r?\\n`, 'g'), ' ')
            .trim();
        if (between !== '&&')
            return false;
    }
    return true;
}
const OWNERSHIP_FLAGS = new Set(['chown', 'chmod']);
function cacheOrderFix(doc, ws, copy, dest, run, install) {
    if (install.needsSources)
        return undefined;
    const script = doc.shell(run);
    if (!script || script.error || run.heredocs.length > 0 || !run.argsSpan)
        return undefined;
    const sources = manifestSources(ws, buildContextOf(doc.path, ws).dir, install);
    if (!sources)
        return undefined;
    const cmds = script.commands;
    let cut = cmds.length;
    for (let i = 0; i < cmds.length; i++) {
        if (!dependencyOnly(cmds[i])) {
            cut = i;
            break;
        }
    }
    if (cut === 0 || !cmds.slice(0, cut).some((c) => installOf(c)))
        return undefined;
    if (cut < cmds.length && (!simpleChain(doc, cmds) || cmds.slice(cut).some(dependencyOnly)))
        return undefined;
    const line = copy.range.start.line;
    const eol = eolAt(doc, line);
    const indent = /^[ \t]*/.exec(doc.lines.lineText(line))[0];
    const target = dest.replace(/^["']|["']$/g, '');
    const destDir = target.endsWith('/') ? target : `${target}/`;
    // Keep the broad COPY's --chown/--chmod so the install sees the same ownership (only those: an
    // ADD-only or misspelt flag would fail the new COPY).
    const kept = copy.flags.filter((f) => OWNERSHIP_FLAGS.has(f.name)).map((f) => f.raw);
    const flags = kept.length > 0 ? ` ${kept.join(' ')} ` : ' ';
    const keyword = `${copy.keywordText === 'add' || copy.keywordText === 'copy' ? 'copy' : 'COPY'}${flags}`;
    const copyLines = [];
    const rootFiles = sources.filter((s) => !s.endsWith('/'));
    if (rootFiles.length > 0)
        copyLines.push(`${keyword}${rootFiles.join(' ')} ${destDir}`);
    for (const folder of sources.filter((s) => s.endsWith('/'))) {
        copyLines.push(`${keyword}${folder} ${destDir}${folder}`);
    }
    const edits = [];
    let moved;
    if (cut === cmds.length) {
        moved = doc.text.slice(run.start, run.end);
        edits.push(deleteInstruction(doc, run));
    }
    else {
        const flags = doc.text.slice(run.keywordSpan.end, run.argsSpan.start);
        moved = `${run.keywordText}${flags}${doc.text.slice(cmds[0].start, cmds[cut - 1].end)}`;
        edits.push({ range: doc.span(cmds[0].start, cmds[cut].start).range, text: '' });
    }
    const at = doc.lines.position(doc.lines.lineStart(line));
    const text = [...copyLines, moved].map((l) => `${indent}${l}${eol}`).join('');
    edits.unshift({ range: { start: at, end: at }, text });
    return {
        description: `Copy ${sources.join(', ')} first and run the dependency install before \`${doc.text.slice(copy.start, copy.end).split(/\r?\n/)[0]}\` (unsafe: install scripts that read other project files need them copied too).`,
        safe: false,
        edits
    };
}
const DR1001 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1001',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Dependencies are installed after the whole source tree is copied, so every source change re-runs the install.',
    check(doc, ctx) {
        for (const stage of doc.stages) {
            const insts = stage.instructions;
            let broad;
            const copiedEarlier = [];
            for (let k = 0; k < insts.length; k++) {
                const inst = insts[k];
                if (copiesFromContext(inst)) {
                    const sources = localSources(inst);
                    const values = inst.json ? inst.json.values : inst.args.map((a) => a.value);
                    if (!broad && sources.some((s) => s.path === '.')) {
                        broad = {
                            copy: inst,
                            dest: values[values.length - 1] ?? '.',
                            workdir: (0,runs/* workdirBefore */.Cw)(inst) ?? undefined
                        };
                    }
                    else if (!broad)
                        copiedEarlier.push(...sources.map((s) => s.path));
                    continue;
                }
                if (!broad || inst.keyword !== 'RUN')
                    continue;
                const script = doc.shell(inst);
                if (!script)
                    continue;
                for (const cmd of script.commands) {
                    const install = installOf(cmd);
                    if (!install)
                        continue;
                    // Already copied on its own before the broad COPY (or via a glob such as `package*.json`).
                    if (copiedEarlier.some((c) => covers(c, install.manifests[0])))
                        continue;
                    const adjacent = insts[k - 1] === broad.copy;
                    const fix = adjacent &&
                        samePlace(broad.dest, broad.workdir) &&
                        ((0,runs/* workdirBefore */.Cw)(inst) ?? undefined) === broad.workdir
                        ? cacheOrderFix(doc, ctx.workspace, broad.copy, broad.dest, inst, install)
                        : undefined;
                    ctx.report({
                        message: `\`${doc.text.slice(cmd.start, cmd.end)}\` runs after \`COPY\` of the whole context (line ${broad.copy.range.start.line}): any source change invalidates the ${install.tool} install layer and re-downloads every dependency. Copy ${install.manifests.slice(0, 2).join(' and ')} first, install, then copy the rest.${install.needsSources ? ` Note: ${install.needsSources}.` : ''}`,
                        range: doc.span(cmd.start, cmd.end).range,
                        fix
                    });
                    break;
                }
            }
        }
    }
});
/** Does a COPY source (context path, maybe a folder or glob) bring in `manifest`? */
function covers(source, manifest) {
    const m = manifest.replace(/^\.\//, '');
    const base = m.split('/').pop();
    const sourceBase = source.split('/').pop();
    return (source === m ||
        m.startsWith(`${source}/`) ||
        sourceBase === base ||
        globMatch(source, m) ||
        globMatch(sourceBase, base));
}
/**
 * COPY globs against manifest paths: `*` may cross `/`, dotfiles match. The pattern is the pull
 * request's: matched without a regular expression (src/core/glob.ts), so it cannot backtrack.
 */
function globMatch(pattern, name) {
    return hasWildcard(pattern) && wildcardMatch(pattern, name);
}

;// CONCATENATED MODULE: ./src/rules/dockerfile/lib/run-merge.ts

/**
 * Merging two RUN instructions into one layer, the way the file already writes continued RUNs
 * (` && \` at the line end or `&& ` leading the next line, same indentation).
 */
function run_merge_flagsKey(inst) {
    return inst.flags
        .map((f) => `${f.name}=${f.value ?? ''}`)
        .sort()
        .join(' ');
}
/** The instruction that comes right before `inst` (comments and blank lines do not count). */
function previousInstruction(doc, inst) {
    const k = doc.instructions.indexOf(inst);
    return k > 0 ? doc.instructions[k - 1] : undefined;
}
/** The instruction right after `inst`. */
function nextInstruction(doc, inst) {
    const k = doc.instructions.indexOf(inst);
    return k >= 0 ? doc.instructions[k + 1] : undefined;
}
/** Can `second` be appended to `first` with `&&` without changing what either runs? */
function mergeable(doc, first, second) {
    if (first.keyword !== 'RUN' || second.keyword !== 'RUN')
        return false;
    if (first.onbuild || second.onbuild || first.stage !== second.stage)
        return false;
    if (first.heredocs.length > 0 || second.heredocs.length > 0)
        return false;
    if (first.json || second.json || !second.argsSpan)
        return false;
    if (run_merge_flagsKey(first) !== run_merge_flagsKey(second))
        return false;
    const a = doc.shell(first);
    const b = doc.shell(second);
    if (!a || !b || a.error || b.error || a.commands.length === 0)
        return false;
    const tail = first.text.trimEnd();
    // A trailing `;`/`&`/`|` or a shell comment on the first RUN would swallow the `&&`.
    if (/[;&|]$/.test(tail) || /(^|\s)#/.test(first.text))
        return false;
    return true;
}
/** Edits that append `second`'s commands to `first` and remove `second`'s own `RUN` line start. */
function mergeEdits(doc, first, second) {
    const style = continuationStyle(doc);
    const end = first.textOffsets[first.text.trimEnd().length - 1] + 1;
    const join = style.leadingOperator ? ` ${doc.escape}` : ` && ${doc.escape}`;
    const lead = style.leadingOperator ? `${style.indent}&& ` : style.indent;
    const edits = [{ range: doc.span(end, end).range, text: join }];
    // Blank lines between the two would become empty continuation lines: drop them.
    for (let line = first.range.end.line + 1; line < second.range.start.line; line++) {
        if (doc.lines.lineText(line).trim() !== '')
            continue;
        edits.push({
            range: doc.span(doc.lines.lineStart(line), doc.lines.lineStart(line + 1)).range,
            text: ''
        });
    }
    edits.push({
        range: doc.span(doc.lines.lineStart(second.range.start.line), second.argsSpan.start).range,
        text: lead
    });
    return edits;
}

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1002.ts







/**
 * What a layer leaves behind (package caches, installed packages, downloaded files) and which
 * commands delete it. A deletion in a later layer hides the files but cannot shrink the layer
 * that holds them.
 */
const CACHE_DIRS = [
    [/^\/var\/lib\/apt\/lists(\/|$)/, 'apt-lists'],
    [/^\/var\/cache\/apt(\/|$)/, 'apt-archives'],
    [/^\/var\/cache\/apk(\/|$)/, 'apk-cache'],
    [/^\/var\/cache\/yum(\/|$)/, 'yum-cache'],
    [/^\/var\/cache\/(dnf|libdnf5)(\/|$)/, 'dnf-cache'],
    [/^\/var\/cache\/zypp(\/|$)/, 'zypp-cache'],
    [/^(\/root|~|\$HOME)\/\.cache(\/pip)?(\/|$)/, 'pip-cache'],
    [/^(\/root|~|\$HOME)\/\.npm(\/|$)/, 'npm-cache'],
    [/^\/usr\/local\/share\/\.cache\/yarn(\/|$)/, 'yarn-cache']
];
const LABELS = {
    'apt-lists': 'the apt package lists',
    'apt-archives': 'the downloaded .deb files',
    'apk-cache': 'the apk cache',
    'yum-cache': 'the yum cache',
    'dnf-cache': 'the dnf cache',
    'zypp-cache': 'the zypper cache',
    'pip-cache': 'the pip cache',
    'npm-cache': 'the npm cache',
    'yarn-cache': 'the yarn cache'
};
const DR1002_APT = ['apt-get', 'apt', 'aptitude'];
const RPM = ['yum', 'dnf', 'microdnf', 'tdnf'];
function sub(cmd, valueFlags = []) {
    return argsNoFlags(cmd, valueFlags)[0]?.value ?? '';
}
function literalArgs(cmd, valueFlags = []) {
    return argsNoFlags(cmd, valueFlags)
        .slice(1)
        .filter((w) => w.literal)
        .map((w) => w.value);
}
/** Commands that can create or delete what this rule tracks (everything else is skipped fast). */
const RELEVANT = /^(rm|apt-get|apt|aptitude|apk|yum|dnf|microdnf|tdnf|zypper|pip[\d.]*|python[\d.]*|npm|yarn|curl|wget|git)$/;
/** Keys of what a command leaves in its layer. */
function produced(cmd) {
    const name = (0,runs/* commandName */.p6)(cmd);
    if (!RELEVANT.test(name))
        return [];
    const out = [];
    if (DR1002_APT.includes(name)) {
        const s = sub(cmd, ['o', 'c', 't']);
        if (s === 'update')
            out.push('apt-lists');
        if (s === 'install') {
            out.push('apt-archives');
            out.push(...literalArgs(cmd, ['o', 'c', 't']).map((p) => `pkg:${p.split('=')[0]}`));
        }
    }
    else if (name === 'apk') {
        const s = sub(cmd, ['t', 'virtual', 'X', 'repository']);
        if ((s === 'add' || s === 'update') && !flagNames(cmd).includes('no-cache'))
            out.push('apk-cache');
        if (s === 'add') {
            const virtual = cmd.args.findIndex((a) => a.value === '--virtual' || a.value === '-t');
            if (virtual !== -1 && cmd.args[virtual + 1])
                out.push(`pkg:${cmd.args[virtual + 1].value}`);
            out.push(...literalArgs(cmd, ['t', 'virtual', 'X', 'repository']).map((p) => `pkg:${p.split(/[=~<>]/)[0]}`));
        }
    }
    else if (RPM.includes(name)) {
        const s = sub(cmd, ['setopt', 'enablerepo', 'disablerepo']);
        if (s === 'install' || s === 'update' || s === 'upgrade') {
            out.push(name === 'yum' ? 'yum-cache' : 'dnf-cache');
            if (s === 'install')
                out.push(...literalArgs(cmd, ['setopt']).map((p) => `pkg:${p}`));
        }
    }
    else if (name === 'zypper') {
        if (['install', 'in'].includes(sub(cmd)))
            out.push('zypp-cache');
    }
    else if (isPip(cmd)) {
        if (cmd.args.some((a) => a.value === 'install') && !flagNames(cmd).includes('no-cache-dir'))
            out.push('pip-cache');
    }
    else if (name === 'npm') {
        if (['install', 'i', 'ci'].includes(sub(cmd)))
            out.push('npm-cache');
    }
    else if (name === 'yarn') {
        if (['', 'install', 'add'].includes(sub(cmd)))
            out.push('yarn-cache');
    }
    else if (name === 'curl' || name === 'wget') {
        out.push(...downloads(cmd).map((p) => `path:${p}`));
    }
    else if (name === 'git' && sub(cmd) === 'clone') {
        const args = argsNoFlags(cmd, ['b', 'branch', 'depth', 'c', 'config', 'o', 'origin']);
        const target = args[3];
        if (target?.literal && target.value.startsWith('/'))
            out.push(`path:${clean(target.value)}`);
    }
    return out;
}
/** Absolute output paths of curl/wget. */
function downloads(cmd) {
    const out = [];
    const args = cmd.args;
    for (let i = 0; i < args.length; i++) {
        const v = args[i].value;
        let path;
        if (['-o', '--output', '-O', '--output-document', '-P', '--directory-prefix'].includes(v))
            path = args[i + 1]?.literal ? args[i + 1].value : undefined;
        else if (/^--(output|output-document|directory-prefix)=/.test(v))
            path = v.split('=')[1];
        if (path?.startsWith('/'))
            out.push(clean(path));
    }
    return out;
}
function clean(path) {
    return path.replace(/\/\*$/, '').replace(/\/+$/, '') || '/';
}
/** Keys a command deletes. */
function removed(cmd) {
    const name = (0,runs/* commandName */.p6)(cmd);
    if (!RELEVANT.test(name))
        return [];
    const out = [];
    if (name === 'rm') {
        for (const w of cmd.args) {
            if (isFlag(w))
                continue;
            const path = w.raw.replace(/^["']|["']$/g, '');
            const cache = CACHE_DIRS.find(([re]) => re.test(path));
            if (cache)
                out.push(cache[1]);
            else if (path.startsWith('/'))
                out.push(`rm:${clean(path)}`);
        }
    }
    else if (DR1002_APT.includes(name)) {
        const s = sub(cmd, ['o', 'c', 't']);
        if (s === 'clean' || s === 'autoclean')
            out.push('apt-archives');
        if (s === 'purge' || s === 'remove')
            out.push(...literalArgs(cmd, ['o', 'c', 't']).map((p) => `pkg:${p}`));
    }
    else if (name === 'apk') {
        const s = sub(cmd);
        if (s === 'del')
            out.push(...literalArgs(cmd).map((p) => `pkg:${p}`));
        if (s === 'cache' && cmd.args.some((a) => a.value === 'clean' || a.value === 'purge'))
            out.push('apk-cache');
    }
    else if (RPM.includes(name)) {
        const s = sub(cmd);
        if (s === 'clean')
            out.push(name === 'yum' ? 'yum-cache' : 'dnf-cache');
        if (s === 'remove' || s === 'erase')
            out.push(...literalArgs(cmd).map((p) => `pkg:${p}`));
    }
    else if (name === 'zypper') {
        if (['clean', 'cc'].includes(sub(cmd)))
            out.push('zypp-cache');
    }
    else if (isPip(cmd)) {
        if (cmd.args.some((a) => a.value === 'cache'))
            out.push('pip-cache');
    }
    else if (name === 'npm' || name === 'yarn') {
        if (sub(cmd) === 'cache' && cmd.args.some((a) => a.value === 'clean'))
            out.push(`${name}-cache`);
    }
    return out;
}
/** Does deleting `key` undo something created earlier? Returns the matched key. */
function matches(key, made) {
    if (!key.startsWith('rm:'))
        return made.keys.has(key) ? key : undefined;
    const target = key.slice(3);
    for (const k of made.paths.keys()) {
        const p = k.slice(5);
        if (p === target || p.startsWith(`${target}/`))
            return k;
    }
    return undefined;
}
function creator(made, key) {
    return (key.startsWith('path:') ? made.paths : made.keys).get(key);
}
function describe(key) {
    if (key.startsWith('pkg:'))
        return `package ${key.slice(4)}`;
    if (key.startsWith('path:'))
        return key.slice(5);
    return LABELS[key] ?? key;
}
function cleanupOnly(doc, inst) {
    const script = doc.shell(inst);
    return (!!script && script.commands.every((c) => removed(c).length > 0 || (0,runs/* commandName */.p6)(c) === 'true'));
}
const DR1002 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1002',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'A RUN deletes caches, packages or downloads that an earlier layer created, so the image does not get smaller.',
    check(doc, ctx) {
        const relevant = new Map();
        for (const { inst, cmd } of (0,runs/* commandsMatching */.Sq)(doc, (n) => RELEVANT.test(n))) {
            const list = relevant.get(inst);
            if (list)
                list.push(cmd);
            else
                relevant.set(inst, [cmd]);
        }
        /** Key → the latest RUN that created it. */
        const made = { keys: new Map(), paths: new Map() };
        for (const stage of (0,stages/* finalChain */.sd)(doc).reverse()) {
            for (const inst of stage.instructions) {
                if (inst.keyword !== 'RUN')
                    continue;
                const cmds = relevant.get(inst);
                if (!cmds)
                    continue;
                const here = new Set(cmds.flatMap(produced));
                const deleted = cmds.map(removed);
                const late = [];
                for (const [i, cmd] of cmds.entries()) {
                    const keys = deleted[i]
                        .filter((k) => !here.has(k) && !(k.startsWith('rm:') && here.has(`path:${k.slice(3)}`)))
                        .map((k) => matches(k, made))
                        .filter((k) => k !== undefined);
                    if (keys.length > 0)
                        late.push({ cmd, keys });
                }
                if (late.length > 0) {
                    const keys = [...new Set(late.flatMap((l) => l.keys))];
                    const sources = [...new Set(keys.map((k) => creator(made, k)))];
                    const prev = previousInstruction(doc, inst);
                    const merge = prev &&
                        sources.length === 1 &&
                        sources[0] === prev &&
                        cleanupOnly(doc, inst) &&
                        mergeable(doc, prev, inst);
                    const lines = sources.map((s) => s.range.start.line).join(', ');
                    ctx.report({
                        message: `This RUN deletes ${keys.map(describe).join(', ')}, created by the RUN on line ${lines}: the files stay in that earlier layer, so the image is no smaller. Clean up in the same RUN that creates them.`,
                        range: doc.span(late[0].cmd.start, late[late.length - 1].cmd.end).range,
                        fix: merge
                            ? {
                                description: 'Merge this clean-up into the previous RUN with `&&`, so the files never reach a layer (unsafe: the two commands now share one layer and one cache entry).',
                                safe: false,
                                edits: mergeEdits(doc, prev, inst)
                            }
                            : undefined
                    });
                }
                for (const key of here)
                    (key.startsWith('path:') ? made.paths : made.keys).set(key, inst);
                // What this RUN deletes is gone for later RUNs too.
                for (const keys of deleted) {
                    for (const k of keys) {
                        for (let m = matches(k, made); m !== undefined; m = matches(k, made)) {
                            made.keys.delete(m);
                            made.paths.delete(m);
                        }
                    }
                }
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1003.ts

/** Tags (first `-` part) that name a moving target: a release line, a channel or a distribution. */
const ROLLING = new Set([
    'lts',
    'stable',
    'current',
    'mainline',
    'edge',
    'rolling',
    'testing',
    'unstable',
    'sid',
    'nightly',
    'alpine',
    'slim',
    'jdk',
    'jre',
    'bookworm',
    'bullseye',
    'buster',
    'stretch',
    'trixie',
    'jessie',
    'xenial'
]);
/** Why the tag floats, or undefined when it names a precise release. */
function floating(tag) {
    const parts = tag.toLowerCase().split('-');
    // A date stamp pins a build of a rolling name (`bookworm-20240110`, `jammy-20240530`).
    if (parts.some((p) => /^\d{8}$/.test(p) || /^\d{4}\.\d{2}\.\d{2}$/.test(p)))
        return undefined;
    const first = parts[0];
    if (/^v?\d+(\.\d+)+/.test(first))
        return undefined;
    if (/^v?\d{1,4}$/.test(first))
        return `\`${first}\` is a major version: it moves to every new ${first}.x release`;
    if (ROLLING.has(first))
        return `\`${first}\` is a rolling name that points at a different release over time`;
    return undefined;
}
const DR1003 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1003',
    aliases: [],
    severity: 'info',
    description: 'The base image tag floats (`python:3`, `node:lts`, `debian:stable`).',
    check(doc, ctx) {
        for (const stage of doc.stages) {
            const image = stage.image;
            const token = stage.from.args[0];
            if (!token || stage.parent || image.unresolved || image.digest || !image.tag)
                continue;
            if (image.name.toLowerCase() === 'scratch' || image.tag === 'latest')
                continue;
            const why = floating(image.tag);
            if (!why)
                continue;
            ctx.report({
                message: `Base image \`${image.expanded}\` floats: ${why}, so rebuilds silently change the base. Pin a full version (e.g. \`${image.name.split('/').pop()}:<major>.<minor>.<patch>\`) and update it on purpose.`,
                range: token.range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1004.ts



/** Images that already run as a non-root user. */
const NON_ROOT_IMAGE = /nonroot|non-root|rootless|unprivileged|^(docker\.io\/)?bitnami\/|^cgr\.dev\/chainguard\//i;
/**
 * Servers whose master process starts as root and runs its workers as an unprivileged user
 * (php-fpm pools, Apache httpd, nginx): the official images are built that way on purpose.
 */
const DROPPING_SERVER = /^(php:.*(fpm|apache)|httpd:|nginx:|nginxinc\/nginx-unprivileged)/i;
/** `USER root`, `USER 0`, `USER root:root`. */
const ROOT_USER = /^(root|0)(:|$)/;
/** The same servers started by the image's own command (an official image built from Debian). */
const DROPPING_COMMAND = /^\s*(\[\s*")?(\S*\/)?(php-fpm[\d.]*|httpd-foreground|apache2-foreground|nginx)\b/;
/** Privilege drop at run time (`gosu app …` in the entrypoint, as official images do). */
const DROPS_PRIVILEGES = /\b(gosu|su-exec|setpriv|s6-setuidgid|chpst|runuser)\b/;
const DR1004 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1004',
    aliases: ['AVD-DS-0002', 'CKV_DOCKER_3'],
    severity: 'warning',
    description: 'The final stage never sets USER, so the container runs as root.',
    check(doc, ctx) {
        if ((0,stages/* imageRole */.iX)(doc) !== 'application' || doc.escape === '`')
            return;
        const chain = (0,stages/* finalChain */.sd)(doc);
        if (chain.length === 0)
            return;
        const root = chain[chain.length - 1].image;
        if (root.unresolved || (0,stages/* isWindowsImage */.n)(root))
            return;
        const ref = `${root.registry ? `${root.registry}/` : ''}${root.name}:${root.tag ?? ''}`;
        if (NON_ROOT_IMAGE.test(ref) ||
            DROPPING_SERVER.test(ref.replace(/^(docker\.io\/)?(library\/)?/, '')))
            return;
        // A parent built in this repository (a compose or bake file names its image) that switches to
        // a non-root user, or starts from an image that does, passes it on.
        const parent = inherited(doc, chain[chain.length - 1], ctx.workspace);
        if (parent.user !== undefined && !ROOT_USER.test(parent.user))
            return;
        if (parent.user === undefined && parent.baseImage && NON_ROOT_IMAGE.test(parent.baseImage))
            return;
        for (const stage of chain) {
            for (const inst of stage.instructions) {
                const target = inst.trigger ?? inst;
                if (target.keyword === 'USER')
                    return;
                if (['RUN', 'ENTRYPOINT', 'CMD'].includes(target.keyword) &&
                    DROPS_PRIVILEGES.test(target.text))
                    return;
                if (target.keyword === 'CMD' && DROPPING_COMMAND.test(target.text))
                    return;
            }
        }
        // A `FROM scratch` stage without CMD/ENTRYPOINT is an artifact for `--output`, not a container.
        const runnable = chain.some((s) => s.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'));
        if (!runnable && root.name.toLowerCase() === 'scratch')
            return;
        const from = chain[0].from;
        ctx.report({
            message: 'The final stage never sets USER, so the container runs as root: a compromised process then has root in the container and an easier way out. Create a user and switch to it (`RUN useradd --system app` … `USER app`).',
            range: doc.span(from.start, from.keywordSpan.end).range
        });
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1005.ts



const DR1005 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1005',
    aliases: [],
    severity: 'warning',
    description: 'The whole build context is copied, but it has no `.dockerignore`.',
    check(doc, ctx) {
        const ws = ctx.workspace;
        if (dockerignoreOf(doc, ws) !== null)
            return;
        // Without a compose file naming the context, an ignore file further up suggests the context
        // is that folder (`docker build -f sub/Dockerfile .`).
        if (buildContextOf(doc.path, ws).from === 'dockerfile') {
            for (let dir = (0,core_paths/* dirOf */.Rw)(doc.path); dir !== '.' && dir !== '/';) {
                dir = (0,core_paths/* dirOf */.Rw)(dir);
                if (ws.readFile((0,core_paths/* joinPath */.uJ)(dir, '.dockerignore')) !== undefined)
                    return;
            }
        }
        for (const top of doc.instructions) {
            const inst = top.trigger ?? top;
            if (!copiesFromContext(inst))
                continue;
            for (const source of localSources(inst)) {
                if (source.path !== '.' || !source.token)
                    continue;
                ctx.report({
                    message: `\`${inst.keyword} ${source.value}\` copies the whole build context, and there is no .dockerignore: .git, .env files, keys, logs and node_modules go into the image and every change busts the cache. Add a .dockerignore to the build context.`,
                    range: source.token.range
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1006.ts



const PRIVATE_KEY = /PRIVATE KEY/;
/** Files that hold credentials by name (content confirms where names are ambiguous). */
const SECRETS = [
    {
        test: /^\.env(\.(?!example$|sample$|template$|dist$|defaults?$|tpl$)[\w.-]+)?$/i,
        // `.env.sh`, `.env.js`: scripts that read the environment, not dotenv files.
        exclude: /\.(sh|bash|js|mjs|ts|py|rb|php|go|md|txt|example|sample|template)$/i
    },
    { test: /^id_(rsa|dsa|ecdsa|ed25519)$/ },
    { test: /\.(pem|key)$/i, confirm: PRIVATE_KEY },
    { test: /\.(p12|pfx|jks|keystore)$/i },
    { test: /^\.npmrc$/, confirm: /_auth(Token)?\s*=|_password\s*=|:password\s*=/ },
    { test: /^\.pypirc$/, confirm: /password\s*[=:]/i },
    { test: /^\.(netrc|git-credentials|dockercfg|htpasswd)$/ },
    { test: /^credentials(\.json)?$/, confirm: /secret|private_key|aws_secret_access_key/i }
];
/** Test fixtures carry throw-away keys. */
const FIXTURE = /(^|\/)(tests?|testdata|fixtures?|spec|examples?|samples?)\//i;
function isSecret(ws, file) {
    if (FIXTURE.test(file))
        return false;
    const name = file.split('/').pop() ?? '';
    const kind = SECRETS.find((k) => k.test.test(name) && !k.exclude?.test(name));
    if (!kind)
        return false;
    if (!kind.confirm)
        return true;
    // Names like `.npmrc` or `server.key` are only secrets when the content says so.
    const text = ws.readFile(file);
    return text !== undefined && kind.confirm.test(text);
}
const DR1006 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1006',
    aliases: [],
    severity: 'error',
    description: 'COPY/ADD puts a secret file (`.env`, `id_rsa`, private keys, `.npmrc` with a token, `.netrc`, …) into the image.',
    check(doc, ctx) {
        const ws = ctx.workspace;
        const dir = buildContextOf(doc.path, ws).dir;
        const ignored = dockerignoreOf(doc, ws);
        for (const top of doc.instructions) {
            const inst = top.trigger ?? top;
            if (!copiesFromContext(inst))
                continue;
            for (const source of localSources(inst)) {
                if (!source.token || /[*?[]/.test(source.value))
                    continue;
                if (ignored?.excludes(source.path))
                    continue;
                const full = source.path === '.' ? dir : (0,core_paths/* joinPath */.uJ)(dir, source.path);
                const isDir = ws.listDir(full) !== undefined;
                if (!isDir) {
                    if (source.path !== '.' && isSecret(ws, full)) {
                        ctx.report({
                            message: `\`${source.value}\` looks like a secret; once copied it is in an image layer for anyone who can pull the image. Mount it at build time (\`RUN --mount=type=secret\`) or pass it at run time.`,
                            range: source.token.range
                        });
                    }
                    continue;
                }
                const found = contextFiles(ws, full, source.path === '.' ? (ignored ?? null) : null)
                    .map((f) => (source.path === '.' ? f.path : `${source.path}/${f.path}`))
                    .filter((p) => !ignored?.excludes(p) && isSecret(ws, (0,core_paths/* joinPath */.uJ)(dir, p)));
                if (found.length === 0)
                    continue;
                const list = found.slice(0, 5).join(', ') + (found.length > 5 ? `, … (${found.length} files)` : '');
                ctx.report({
                    message: `\`${inst.keyword} ${source.value}\` copies secret files from the build context into the image: ${list}. Exclude them in .dockerignore and mount what the build needs with \`RUN --mount=type=secret\`.`,
                    range: source.token.range
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1007.ts





/** Compilers and build systems by package name (Debian, Alpine, RPM spellings). */
const DR1007_TOOLS = new Set([
    'build-essential',
    'build-base',
    'gcc',
    'g++',
    'gcc-c++',
    'clang',
    'make',
    'cmake',
    'autoconf',
    'automake',
    'libtool',
    'pkg-config',
    'pkgconf',
    'musl-dev',
    'linux-headers'
]);
const HEADERS = /-(dev|devel)$/;
const DR1007_INSTALLERS = [
    {
        names: ['apt-get', 'apt'],
        install: ['install'],
        remove: ['purge', 'remove', 'autoremove'],
        valueFlags: ['t', 'target-release', 'o', 'c']
    },
    {
        names: ['apk'],
        install: ['add'],
        remove: ['del'],
        valueFlags: ['t', 'virtual', 'X', 'repository']
    },
    {
        names: ['yum', 'dnf', 'microdnf', 'tdnf'],
        install: ['install'],
        remove: ['remove', 'erase', 'autoremove', 'history'],
        valueFlags: ['setopt', 'enablerepo', 'disablerepo']
    }
];
const INSTALLER_NAMES = DR1007_INSTALLERS.flatMap((i) => i.names);
function installerOf(cmd) {
    const name = (0,runs/* commandName */.p6)(cmd);
    return DR1007_INSTALLERS.find((i) => i.names.includes(name));
}
/** Build-tool packages a command installs. */
function buildTools(cmd, inst) {
    const args = argsNoFlags(cmd, inst.valueFlags);
    if (!args[0] || !inst.install.includes(args[0].value))
        return [];
    return args
        .slice(1)
        .filter((w) => w.literal && (DR1007_TOOLS.has(w.value) || HEADERS.test(w.value.split('=')[0])));
}
const DR1007 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1007',
    aliases: [],
    severity: 'info',
    perInstruction: true,
    description: 'Compilers or `-dev` packages are installed in the final image and not removed in the same RUN.',
    check(doc, ctx) {
        if ((0,stages/* isDevelopmentImage */.r6)(doc))
            return;
        const multiStage = doc.stages.length > 1;
        const final = new Set((0,stages/* finalChain */.sd)(doc));
        for (const { inst, cmd, script } of (0,runs/* commandsNamed */.i2)(doc, ...INSTALLER_NAMES)) {
            if (inst.onbuild || !inst.stage || !final.has(inst.stage))
                continue;
            const installer = installerOf(cmd);
            const tools = buildTools(cmd, installer);
            if (tools.length === 0)
                continue;
            // Removed again in the same RUN (`apt-get purge --auto-remove`, `apk del .build-deps`).
            const removed = script.commands.some((c) => c.index > cmd.index &&
                installerOf(c) === installer &&
                c.args.some((a) => installer.remove.includes(a.value)));
            if (removed)
                continue;
            const names = tools.map((t) => t.value);
            ctx.report({
                message: `Build tools (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}) stay in the final image: they add size and attack surface. ${multiStage ? 'Install them in a build stage and copy only the results,' : 'Use a multi-stage build (compile in a builder stage, copy the results),'} or remove them in the same RUN.`,
                range: doc.span(tools[0].start, tools[tools.length - 1].end).range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1008.ts



const DR1008 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1008',
    aliases: [],
    severity: 'info',
    description: 'The final image EXPOSEs a port but has no HEALTHCHECK.',
    check(doc, ctx) {
        if ((0,stages/* imageRole */.iX)(doc) !== 'application')
            return;
        const insts = (0,stages/* finalInstructions */._7)(doc);
        if (insts.some((i) => i.keyword === 'HEALTHCHECK'))
            return;
        // A parent built in this repository that declares one (or `HEALTHCHECK NONE`) passes it on.
        const last = doc.stages[doc.stages.length - 1];
        if (inherited(doc, last, ctx.workspace).healthcheck !== undefined)
            return;
        const expose = insts.find((i) => i.keyword === 'EXPOSE' && i.args.length > 0);
        if (!expose)
            return;
        ctx.report({
            message: 'The image serves a port but has no HEALTHCHECK: Docker and compose cannot tell a hung service from a healthy one (`depends_on: condition: service_healthy` needs it). Add e.g. `HEALTHCHECK CMD curl -fsS http://localhost:<port>/health || exit 1`, or `HEALTHCHECK NONE` to state that none is wanted.',
            range: expose.keywordSpan.range
        });
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1009.ts







const TOOLING = new Set(['pip', 'setuptools', 'wheel', 'pipenv', 'poetry', 'uv']);
/** The stage runs Python on Alpine: a `python:*alpine*` base, or Alpine with python3 from apk. */
function pythonOnAlpine(doc, stage) {
    const chain = (0,stages/* lineage */.OZ)(stage);
    const root = chain[chain.length - 1].image;
    const name = (0,stages/* shortName */.EU)(root);
    const tag = (root.tag ?? '').toLowerCase();
    if (/(^|\/)python$/.test(name))
        return tag.includes('alpine');
    if (!/(^|\/)alpine$/.test(name))
        return false;
    return chain.some((s) => s.instructions.some((i) => {
        const script = i.keyword === 'RUN' ? doc.shell(i) : undefined;
        return !!script?.commands.some((c) => (0,runs/* commandName */.p6)(c) === 'apk' && c.args.some((a) => /^py(thon)?3/.test(a.value)));
    }));
}
const DR1009 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1009',
    aliases: [],
    severity: 'info',
    perInstruction: true,
    description: 'Python packages are installed with pip on Alpine (musl).',
    check(doc, ctx) {
        const done = new Set();
        for (const { inst, cmd } of (0,runs/* commandsMatching */.Sq)(doc, (n) => /^(pip|python)/.test(n))) {
            const stage = inst.stage;
            if (!stage || inst.onbuild || done.has(stage) || !installsPackages(cmd))
                continue;
            done.add(stage);
            if (!pythonOnAlpine(doc, stage))
                continue;
            ctx.report({
                message: 'pip on Alpine: Alpine uses musl, so packages without a musllinux wheel are compiled from source (slow builds that need gcc and headers, larger images). Most popular packages ship musllinux wheels now; if builds are slow or fail, use `python:<version>-slim` instead.',
                range: doc.span(cmd.start, cmd.end).range
            });
        }
    }
});
const DR1009_VALUE_FLAGS = [
    'r',
    'requirement',
    'c',
    'constraint',
    'i',
    'index-url',
    'extra-index-url',
    'f',
    'find-links'
];
/** `pip install` of real packages (not only pip/setuptools/wheel themselves). */
function installsPackages(c) {
    if (!isPip(c))
        return false;
    const args = argsNoFlags(c, DR1009_VALUE_FLAGS);
    const offset = (0,runs/* commandName */.p6)(c).startsWith('python') ? 1 : 0;
    if (args[offset]?.value !== 'install')
        return false;
    if (c.args.some((a) => /^(-r|--requirement)/.test(a.value)))
        return true;
    return args.slice(offset + 1).some((p) => !TOOLING.has(p.value.split(/[=<>~!]/)[0].toLowerCase()));
}

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1010.ts


const LANGUAGES = [
    { image: /^python$/, small: /slim|alpine/, advice: 'use `python:<version>-slim`', slim: true },
    { image: /^node$/, small: /slim|alpine/, advice: 'use `node:<version>-slim`', slim: true },
    { image: /^ruby$/, small: /slim|alpine/, advice: 'use `ruby:<version>-slim`', slim: true },
    {
        image: /^(golang|rust)$/,
        small: /$^/,
        advice: 'build in a builder stage and copy the binary into a small runtime image (distroless, alpine or debian-slim)'
    },
    {
        image: /^(maven|gradle)$/,
        small: /$^/,
        advice: 'build in a builder stage and copy the jar into a JRE image (`eclipse-temurin:<version>-jre`)'
    },
    {
        image: /^(openjdk|eclipse-temurin|amazoncorretto|ibm-semeru-runtimes|sapmachine)$/,
        small: /jre|alpine|slim|distroless/,
        advice: 'run on a JRE image (`eclipse-temurin:<version>-jre`) instead of a full JDK'
    },
    {
        image: /^dotnet\/sdk$/,
        small: /$^/,
        advice: 'publish in a builder stage and run on `mcr.microsoft.com/dotnet/aspnet` or `dotnet/runtime`'
    }
];
function slimFix(doc, stage) {
    const token = stage.from.args[0];
    const image = stage.image;
    if (!token || !image.tag || image.digest || token.value !== image.expanded)
        return undefined;
    if (!/^\d+(\.\d+)*$/.test(image.tag))
        return undefined;
    return {
        description: `Use \`${image.tag}-slim\`. Unsafe: slim images lack compilers and some system libraries, so installs that build native extensions may need them added.`,
        safe: false,
        edits: [{ range: doc.span(token.end, token.end).range, text: '-slim' }]
    };
}
const DR1010 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1010',
    aliases: [],
    severity: 'info',
    fixable: true,
    description: 'The final image is a full language/SDK image (`python:3.12`, `node:20`, `golang`, a JDK) instead of a slim runtime.',
    check(doc, ctx) {
        if ((0,stages/* isDevelopmentImage */.r6)(doc))
            return;
        const chain = (0,stages/* finalChain */.sd)(doc);
        const root = chain[chain.length - 1];
        if (!root || root.image.unresolved || (0,stages/* isWindowsImage */.n)(root.image))
            return;
        const name = (0,stages/* shortName */.EU)(root.image).replace(/^mcr\.microsoft\.com\//, '');
        const lang = LANGUAGES.find((l) => l.image.test(name));
        if (!lang)
            return;
        const tag = (root.image.tag ?? '').toLowerCase();
        if (lang.small.test(tag) || tag.includes('windows') || tag.includes('nanoserver'))
            return;
        ctx.report({
            message: `The final image is built on the full \`${root.image.expanded}\` image (compilers, headers, hundreds of MB the application does not need at run time); ${lang.advice}.`,
            range: root.from.args[0]?.range ?? root.from.range,
            fix: lang.slim ? slimFix(doc, root) : undefined
        });
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1011.ts

const DR1011 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1011',
    aliases: [],
    severity: 'warning',
    enabledByDefault: false,
    description: 'The base image is not pinned by digest (`@sha256:…`).',
    check(doc, ctx) {
        for (const stage of doc.stages) {
            const image = stage.image;
            const token = stage.from.args[0];
            if (!token || stage.parent || image.unresolved || image.digest)
                continue;
            if (image.name.toLowerCase() === 'scratch')
                continue;
            ctx.report({
                message: `\`${image.expanded}\` is not pinned by digest: the tag can be moved to different content. Pin it as \`${image.expanded}@sha256:<digest>\` (e.g. from \`docker buildx imagetools inspect\`) and let a bot such as Renovate or Dependabot update it.`,
                range: token.range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1012.ts




const HINTS = [
    { name: 'PYTHONUNBUFFERED', why: 'logs appear immediately instead of sitting in a buffer' },
    { name: 'PYTHONFAULTHANDLER', why: 'crashes in C extensions print a traceback' }
];
const RUNS_PYTHON = /\b(python[\d.]*|gunicorn|uvicorn|celery|flask|django-admin|pytest)\b/;
const DR1012 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1012',
    aliases: [],
    severity: 'info',
    fixable: true,
    enabledByDefault: false,
    description: 'A Python image does not set `PYTHONUNBUFFERED=1` and `PYTHONFAULTHANDLER=1`.',
    check(doc, ctx) {
        if ((0,stages/* isDevelopmentImage */.r6)(doc))
            return;
        const chain = (0,stages/* finalChain */.sd)(doc);
        const root = chain[chain.length - 1];
        if (!root)
            return;
        const insts = (0,stages/* finalInstructions */._7)(doc);
        const python = /(^|\/)python$/.test((0,stages/* shortName */.EU)(root.image)) ||
            insts.some((i) => (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && RUNS_PYTHON.test(i.text));
        if (!python)
            return;
        const set = new Set();
        for (const i of insts)
            if (i.keyword === 'ENV')
                for (const p of (0,properties/* pairs */.A)(doc, i))
                    if (p.value && p.value !== '0')
                        set.add(p.name);
        const missing = HINTS.filter((h) => !set.has(h.name));
        if (missing.length === 0)
            return;
        const from = chain[0].from;
        const line = from.range.end.line;
        const last = line >= doc.lines.lineCount;
        const eol = eolAt(doc, line);
        const at = doc.lines.position(last ? doc.text.length : doc.lines.lineStart(line + 1));
        const env = `ENV ${missing.map((h) => `${h.name}=1`).join(' ')}`;
        ctx.report({
            message: `Set ${missing.map((h) => `\`${h.name}=1\` (${h.why})`).join(' and ')} in the final image.`,
            range: doc.span(from.start, from.keywordSpan.end).range,
            fix: {
                description: `Add \`${env}\` after the final stage's FROM.`,
                safe: true,
                edits: [{ range: { start: at, end: at }, text: last ? `${eol}${env}` : `${env}${eol}` }],
                effect: { kind: 'set-env', names: missing.map((h) => h.name) }
            }
        });
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1015.ts

const REMOTE = /^https?:\/\//i;
const DR1015_GIT = /\.git(#.*)?$|^git@|^https?:\/\/[^/]*github\.com\/[^/]+\/[^/]+\/?(#.*)?$/i;
const DR1015 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1015',
    aliases: [],
    severity: 'info',
    description: 'ADD downloads a remote file without `--checksum`.',
    check(doc, ctx) {
        for (const top of doc.instructions) {
            const inst = top.trigger ?? top;
            if (inst.keyword !== 'ADD' || inst.flags.some((f) => f.name === 'checksum'))
                continue;
            const values = inst.json ? inst.json.values : inst.args.map((a) => a.value);
            const tokens = inst.json ? inst.json.items : inst.args;
            for (let i = 0; i < values.length - 1; i++) {
                const url = values[i].replace(/^["']|["']$/g, '');
                if (!REMOTE.test(url) || DR1015_GIT.test(url))
                    continue;
                ctx.report({
                    message: `ADD downloads \`${url}\` without \`--checksum\`: whatever the server returns goes into the image unchecked. Add \`--checksum=sha256:<hash>\` (BuildKit verifies it).`,
                    range: tokens[i].range
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1016.ts



const DOWNLOADERS = ['curl', 'wget', 'fetch'];
const INTERPRETERS = /^(sh|bash|dash|ash|zsh|ksh|python[\d.]*|perl|ruby|node|php)$/;
/** The interpreter a command runs: itself, or behind `sudo`/`env`/`xargs`. */
function interpreter(cmd) {
    const words = cmd.words.map((w) => w.value.split('/').pop() ?? '');
    let k = 0;
    while (k < words.length && /^(sudo|env|xargs|exec|nohup)$/.test(words[k])) {
        k++;
        while (k < words.length && (words[k].startsWith('-') || words[k].includes('=')))
            k++;
    }
    return words[k] && INTERPRETERS.test(words[k]) ? words[k] : undefined;
}
const DR1016 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1016',
    aliases: [],
    severity: 'warning',
    perInstruction: true,
    description: 'A download is piped into a shell (`curl … | sh`).',
    check(doc, ctx) {
        for (const { cmd: d, script } of (0,runs/* commandsNamed */.i2)(doc, ...DOWNLOADERS)) {
            const cmds = script.commands;
            const shell = runsIn(doc, cmds, d);
            if (!shell)
                continue;
            ctx.report({
                message: `\`${(0,runs/* commandName */.p6)(d)}\` output runs straight in \`${shell.name}\`: whatever the server (or anyone in between) sends is executed, and a dropped connection runs half a script. Download to a file, verify its checksum or signature, then run it.`,
                range: doc.span(Math.min(d.start, shell.cmd.start), Math.max(d.end, shell.cmd.end)).range
            });
        }
    }
});
/** The interpreter that executes the download's output, if any. */
function runsIn(doc, cmds, d) {
    // `sh -c "$(curl …)"`, `bash <(curl …)`: the download is inside the interpreter's words.
    for (const s of cmds) {
        const name = s !== d && s.start < d.start && d.end <= s.end ? interpreter(s) : undefined;
        if (name)
            return { cmd: s, name };
    }
    if (!d.piped)
        return undefined;
    // Follow the pipeline: `curl … | tee x | sh`.
    let cur = d;
    for (let k = d.index + 1; k < cmds.length; k++) {
        const next = cmds[k];
        if (next.start < cur.end)
            continue;
        const between = doc.text
            .slice(cur.end, next.start)
            .replace(new RegExp(`\\${doc.escape}\\r?\\n`, 'g'), ' ')
            .trim();
        if (between !== '|' && between !== '|&')
            return undefined;
        const name = interpreter(next);
        if (name)
            return { cmd: next, name };
        cur = next;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1017.ts


const INDEX = {
    apt: {
        what: 'the apt lists (/var/lib/apt/lists)',
        update: 'apt-get update &&',
        error: 'E: Unable to locate package'
    },
    apk: {
        what: 'the apk index (/var/cache/apk)',
        update: 'apk add --no-cache',
        error: 'ERROR: unable to select packages'
    }
};
/**
 * An install that runs after its package index was deleted (in an earlier layer, or earlier in the
 * same RUN) with no update in between: the build fails. Conditional installs count: they may run.
 */
const DR1017 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1017',
    aliases: [],
    severity: 'error',
    description: 'A package install runs after its package index was deleted, with no update in its own RUN: the build fails.',
    check(doc, ctx) {
        for (const stage of (0,effects/* stageEffects */.z9)(doc)) {
            for (const run of stage.runs) {
                for (const op of run.staleInstalls) {
                    const index = INDEX[op.manager];
                    const fix = op.manager === 'apt'
                        ? `run \`${index.update}\` first in this RUN`
                        : 'use `apk add --no-cache` (or `apk update` first in this RUN)';
                    ctx.report({
                        message: `\`${op.cmd.words
                            .slice(0, 2)
                            .map((w) => w.value)
                            .join(' ')}\` runs after ${index.what} were deleted and nothing fetched them again: the build fails (\`${index.error}\`); ${fix}.`,
                        range: doc.span(op.cmd.start, op.cmd.end).range
                    });
                }
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1018.ts



/**
 * GNU options BusyBox's applet rejects (`unrecognized option`), by tool; and the Alpine package
 * that replaces the applet with the GNU program.
 */
const GNU_ONLY = {
    wget: {
        long: [
            'progress',
            'show-progress',
            'retry-connrefused',
            'waitretry',
            'content-disposition',
            'https-only',
            'ca-certificate',
            'ca-directory',
            'secure-protocol',
            'max-redirect',
            'no-hsts',
            'trust-server-names',
            'read-timeout',
            'dns-timeout',
            'connect-timeout'
        ],
        short: [],
        pkg: 'wget'
    },
    grep: { long: ['perl-regexp'], short: ['P'], pkg: 'grep' }
};
function gnuOnlyFlag(cmd, tool) {
    const spec = GNU_ONLY[tool];
    for (const a of cmd.args) {
        const v = a.value;
        if (v === '--')
            break;
        if (v.startsWith('--')) {
            if (spec.long.includes(v.slice(2).split('=')[0]))
                return v;
        }
        else if (v.startsWith('-') && v.length > 1 && /^-[A-Za-z]+$/.test(v)) {
            if ([...v.slice(1)].some((c) => spec.short.includes(c)))
                return v;
        }
    }
    return undefined;
}
const DR1018 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1018',
    aliases: [],
    severity: 'error',
    description: 'A GNU-only option is given to a BusyBox tool (Alpine, busybox, docker:* images): the build fails.',
    check(doc, ctx) {
        for (const stage of (0,effects/* stageEffects */.z9)(doc)) {
            if (stageDistroIn(doc, stage.stage, ctx.workspace).userland !== 'busybox')
                continue;
            // Packages installed by ancestor stages carry over.
            const runs = (0,effects/* lineageRuns */.OI)(doc, stage.stage);
            for (const run of stage.runs) {
                for (const cmd of run.commands) {
                    const tool = (0,effects/* baseName */.Fl)(cmd);
                    if (!(tool in GNU_ONLY))
                        continue;
                    const flag = gnuOnlyFlag(cmd, tool);
                    if (!flag || (0,effects/* installedBefore */.AU)(runs, GNU_ONLY[tool].pkg, cmd.start))
                        continue;
                    ctx.report({
                        message: `\`${tool} ${flag}\`: ${tool} on this image is BusyBox's, which has no such option, so the build fails (\`unrecognized option\`); drop it${tool === 'wget' ? ' (`-q` works in both)' : ''} or \`apk add --no-cache ${GNU_ONLY[tool].pkg}\` first.`,
                        range: doc.span(cmd.start, cmd.end).range
                    });
                }
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR1019.ts




const POSIX_SHELL = /(^|\/)(sh|bash|ash|dash|zsh|ksh|mksh)$/;
/**
 * A `SHELL` whose program the image does not have (bash on Alpine, any shell on distroless or
 * scratch): every later shell-form RUN fails to start. Shells installed by an earlier RUN count.
 */
const DR1019 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR1019',
    aliases: [],
    severity: 'error',
    description: 'SHELL names a shell the image does not have (bash on Alpine, any shell on distroless): every later RUN fails.',
    check(doc, ctx) {
        for (const inst of doc.instructions) {
            if (inst.keyword !== 'SHELL' || !inst.json || !inst.stage)
                continue;
            const shell = inst.json.values[0];
            // Only POSIX shells: PowerShell and cmd images are not modelled.
            if (!shell || !POSIX_SHELL.test(shell))
                continue;
            const distro = stageDistroIn(doc, inst.stage, ctx.workspace);
            if ((0,dockerfile_distro/* hasShell */.P6)(distro, shell) !== false)
                continue;
            const name = shell.slice(shell.lastIndexOf('/') + 1);
            if ((0,effects/* installedBefore */.AU)((0,effects/* lineageRuns */.OI)(doc, inst.stage), name, inst.start))
                continue;
            const later = inst.stage.instructions.some((i) => i.index > inst.index && i.keyword === 'RUN' && !i.json);
            if (!later)
                continue;
            const has = distro.shells?.length
                ? `it has ${distro.shells.map((s) => `\`${s}\``).join(', ')}`
                : 'it has no shell';
            ctx.report({
                message: `\`${shell}\` is not in this ${distro.family} image (${has}): the next RUN fails to start. Install it first (\`apk add --no-cache ${name}\`) or use a shell the image has.`,
                range: inst.json.span.range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2001.ts

/** The span of a flag's value inside `--from=<value>` (quotes excluded). */
function flagValueEdit(doc, flag, from, to) {
    const raw = doc.text.slice(flag.start, flag.end);
    const eq = raw.indexOf('=');
    if (eq === -1)
        return undefined;
    const at = raw.toLowerCase().indexOf(from.toLowerCase(), eq + 1);
    if (at === -1)
        return undefined;
    const start = flag.start + at;
    return { range: doc.span(start, start + from.length).range, text: to };
}
/** Every place a stage is referenced by name: `FROM <name>`, `COPY --from=<name>`, `--mount=…,from=<name>`. */
function references(doc, stage, lower) {
    const out = [];
    const name = stage.name;
    for (const s of doc.stages) {
        if (s.parent !== stage)
            continue;
        const token = s.from.args[0];
        if (token && token.value.toLowerCase() === name && token.value !== lower)
            out.push({ range: token.range, text: lower });
    }
    for (const top of doc.instructions) {
        const inst = top.trigger ?? top;
        if (inst.index <= stage.from.index)
            continue;
        for (const f of inst.flags) {
            if (!f.value)
                continue;
            if (f.name === 'from' && f.value.replace(/^["']|["']$/g, '').toLowerCase() === name) {
                const value = f.value.replace(/^["']|["']$/g, '');
                if (value !== lower) {
                    const edit = flagValueEdit(doc, f, value, lower);
                    if (edit)
                        out.push(edit);
                }
            }
            else if (f.name === 'mount') {
                const m = /(?:^|,)from=([^,]+)/.exec(f.value);
                if (m && m[1].toLowerCase() === name && m[1] !== lower) {
                    const raw = doc.text.slice(f.start, f.end);
                    const at = raw.indexOf(`from=${m[1]}`);
                    if (at !== -1) {
                        const start = f.start + at + 5;
                        out.push({ range: doc.span(start, start + m[1].length).range, text: lower });
                    }
                }
            }
        }
    }
    return out;
}
/** BuildKit's stage names (`instructions.validateDefinitionName`, lowercased). */
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
const DR2001 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2001',
    aliases: ['StageNameCasing'],
    severity: 'style',
    fixable: true,
    description: 'Stage names should be lowercase (BuildKit StageNameCasing).',
    check(doc, ctx) {
        for (const stage of doc.stages) {
            if (!stage.nameSpan)
                continue;
            const written = doc.text.slice(stage.nameSpan.start, stage.nameSpan.end);
            const lower = written.toLowerCase();
            if (written === lower)
                continue;
            ctx.report({
                message: `Stage name '${written}' should be lowercase ('${lower}'); BuildKit compares stage names case-insensitively.`,
                range: stage.nameSpan.range,
                // Only a name BuildKit accepts is renamed: lowercasing `a:${TAG}` would rename a variable.
                fix: STAGE_NAME.test(lower)
                    ? {
                        description: `Rename the stage to '${lower}' here and where it is referenced.`,
                        safe: true,
                        edits: [
                            { range: stage.nameSpan.range, text: lower },
                            ...references(doc, stage, lower)
                        ]
                    }
                    : undefined
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2002.ts

const DR2002 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2002',
    aliases: ['FromAsCasing'],
    severity: 'style',
    fixable: true,
    description: "The casing of 'AS' should match the casing of 'FROM' (BuildKit FromAsCasing).",
    check(doc, ctx) {
        for (const stage of doc.stages) {
            const from = stage.from;
            const as = from.args[1];
            if (!as || as.value.toLowerCase() !== 'as' || !stage.nameSpan)
                continue;
            const keyword = from.keywordText;
            const upper = keyword === keyword.toUpperCase();
            const lower = keyword === keyword.toLowerCase();
            const want = upper ? 'AS' : lower ? 'as' : undefined;
            if (!want || as.value === want)
                continue;
            ctx.report({
                message: `'${as.value}' and '${keyword}' keywords' casing do not match; write '${want}'.`,
                range: as.range,
                fix: {
                    description: `Write '${want}' to match '${keyword}'.`,
                    safe: true,
                    edits: [{ range: as.range, text: want }]
                }
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2003.ts

const BLANK_LINE = /\n[ \t]*\r?\n/;
const DR2003 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2003',
    aliases: ['NoEmptyContinuation'],
    severity: 'warning',
    fixable: true,
    description: 'Empty lines inside a continued instruction are deprecated (BuildKit NoEmptyContinuation).',
    check(doc, ctx) {
        for (const inst of doc.instructions) {
            const first = inst.range.start.line;
            const last = inst.range.end.line;
            if (last === first || !BLANK_LINE.test(doc.text.slice(inst.start, inst.end)))
                continue;
            const bodies = [...inst.heredocs, ...(inst.trigger?.heredocs ?? [])];
            const empty = [];
            for (let line = first + 1; line < last; line++) {
                const start = doc.lines.lineStart(line);
                if (bodies.some((h) => start >= h.contentStart && start < h.contentEnd))
                    continue;
                if (bodies.some((h) => start >= h.contentEnd))
                    continue;
                if (doc.lines.lineText(line).trim() === '')
                    empty.push(line);
            }
            if (empty.length === 0)
                continue;
            const edits = empty.map((line) => ({
                range: doc.span(doc.lines.lineStart(line), doc.lines.lineStart(line + 1)).range,
                text: ''
            }));
            ctx.report({
                message: `Empty continuation line${empty.length > 1 ? 's' : ''} in ${inst.keyword} (line${empty.length > 1 ? 's' : ''} ${empty.join(', ')}); this syntax is deprecated and will become an error.`,
                range: doc.span(doc.lines.lineStart(empty[0]), doc.lines.lineEnd(empty[0])).range,
                fix: { description: 'Delete the empty lines inside the instruction.', safe: true, edits }
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2004.ts


/** An unknown word in keyword position is DL1000's: its casing means nothing. */
const DR2004_KNOWN = new Set(INSTRUCTIONS);
const DR2004 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2004',
    aliases: ['ConsistentInstructionCasing'],
    severity: 'style',
    fixable: true,
    description: "Instruction keywords should follow the file's majority casing (BuildKit ConsistentInstructionCasing).",
    check(doc, ctx) {
        const all = [];
        for (const inst of doc.instructions) {
            if (DR2004_KNOWN.has(inst.keyword))
                all.push(inst);
            if (inst.trigger && DR2004_KNOWN.has(inst.trigger.keyword))
                all.push(inst.trigger);
        }
        let upper = 0;
        let lower = 0;
        for (const inst of all) {
            if (inst.keywordText === inst.keywordText.toUpperCase())
                upper++;
            else if (inst.keywordText === inst.keywordText.toLowerCase())
                lower++;
        }
        const toLower = lower > upper;
        for (const inst of all) {
            const want = toLower ? inst.keywordText.toLowerCase() : inst.keywordText.toUpperCase();
            if (inst.keywordText === want)
                continue;
            ctx.report({
                message: `Command '${inst.keywordText}' should match the case of the other instructions ('${want}').`,
                range: inst.keywordSpan.range,
                fix: {
                    description: `Write '${want}'.`,
                    safe: true,
                    edits: [{ range: inst.keywordSpan.range, text: want }]
                }
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2005.ts



const DR2005 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2005',
    aliases: ['UndefinedArgInFrom'],
    severity: 'warning',
    fixable: true,
    description: 'FROM uses a build argument that no ARG before the first FROM declares (BuildKit UndefinedArgInFrom).',
    check(doc, ctx) {
        const declared = [...doc.globalArgs.keys()].filter(variables/* isVariableName */.KL);
        for (const stage of doc.stages) {
            const from = stage.from;
            const refs = (0,variables/* variableRefs */.tH)(from.text, from.textOffsets, doc.escape);
            for (const f of from.flags) {
                if (f.name !== 'platform' || !f.value)
                    continue;
                const raw = doc.text.slice(f.start, f.end);
                const eq = raw.indexOf('=');
                const offsets = Array.from({ length: raw.length - eq }, (_, k) => f.start + eq + 1 + k);
                refs.push(...(0,variables/* variableRefs */.tH)(raw.slice(eq + 1), offsets, doc.escape));
            }
            for (const ref of refs) {
                if (doc.globalArgs.has(ref.name) || variables/* PLATFORM_ARGS */.KJ.has(ref.name))
                    continue;
                const hint = (0,similar/* closest */.kp)(ref.name, declared);
                ctx.report({
                    message: `FROM uses \`${ref.name}\`, which no ARG before the first FROM declares${hint ? ` (did you mean \`${hint}\`?)` : ''}; it expands to an empty string.`,
                    range: doc.span(ref.start, ref.end).range,
                    fix: hint
                        ? {
                            description: `Use the declared build argument \`${hint}\` (check that it is the intended one).`,
                            safe: false,
                            edits: [{ range: doc.span(ref.nameStart, ref.nameEnd).range, text: hint }]
                        }
                        : undefined
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2006.ts


/** Absolute for Docker: `/x`, a variable (unknown), or a Windows drive path. */
function absolute(path) {
    const p = path.replace(/^["']|["']$/g, '');
    return p.startsWith('/') || p.startsWith('$') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\');
}
function absoluteFix(doc, arg) {
    const raw = doc.text.slice(arg.start, arg.end);
    const at = arg.start + (/^["']/.test(raw) ? 1 : 0);
    const dotSlash = doc.text.startsWith('./', at);
    const rest = doc.text.slice(at + (dotSlash ? 2 : 0), arg.end).replace(/["']$/, '');
    return {
        description: `Make the path absolute ('/${rest}'), assuming the base image works in '/'.`,
        safe: false,
        edits: [{ range: doc.span(at, at + (dotSlash ? 2 : 0)).range, text: '/' }]
    };
}
const DR2006 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2006',
    aliases: ['WorkdirRelativePath'],
    severity: 'warning',
    fixable: true,
    enabledByDefault: false,
    description: 'The first WORKDIR of a stage is relative while no absolute WORKDIR was set before it (BuildKit WorkdirRelativePath).',
    check(doc, ctx) {
        const setsAbsolute = new Map();
        for (const stage of doc.stages) {
            let known = (0,stages/* lineage */.OZ)(stage)
                .slice(1)
                .some((s) => setsAbsolute.get(s.index));
            for (const inst of stage.instructions) {
                if (inst.keyword !== 'WORKDIR')
                    continue;
                const path = inst.text.trim();
                if (path === '')
                    continue;
                if (absolute(path)) {
                    known = true;
                    continue;
                }
                if (!known) {
                    const arg = inst.args[0];
                    ctx.report({
                        message: `Relative WORKDIR '${path}' depends on the base image's working directory; use an absolute path.`,
                        range: (arg ?? inst).range,
                        fix: arg ? absoluteFix(doc, arg) : undefined
                    });
                }
                known = true;
            }
            setsAbsolute.set(stage.index, known);
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2007.ts





/** Instructions whose arguments BuildKit expands (RUN, CMD and ENTRYPOINT are left to the shell). */
const EXPANDED = new Set([
    'ADD',
    'ARG',
    'COPY',
    'ENV',
    'EXPOSE',
    'LABEL',
    'STOPSIGNAL',
    'USER',
    'VOLUME',
    'WORKDIR'
]);
/** Variables base images commonly set; without the image's config we cannot say they are unset. */
const IMAGE_ENV = new Set([
    'PATH',
    'HOME',
    'HOSTNAME',
    'USER',
    'LANG',
    'LANGUAGE',
    'LC_ALL',
    'TERM',
    'PWD',
    'SHELL',
    'TZ',
    'JAVA_HOME',
    'GOPATH',
    'GOROOT',
    'CARGO_HOME',
    'RUSTUP_HOME',
    'PYTHONPATH',
    'LD_LIBRARY_PATH',
    'NODE_PATH'
]);
const DR2007 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2007',
    aliases: ['UndefinedVar'],
    severity: 'warning',
    fixable: true,
    description: 'A variable is used outside RUN without being defined by ARG or ENV (BuildKit UndefinedVar).',
    check(doc, ctx) {
        const stageEnv = new Map();
        for (const stage of doc.stages) {
            const env = new Set(stage.parent ? stageEnv.get(stage.parent.index) : []);
            const args = new Set();
            const scratch = (0,variables/* rootStage */.tU)(stage).image.expanded.toLowerCase() === 'scratch';
            const fromLine = stage.from.range.end.line;
            for (const inst of stage.instructions) {
                if (EXPANDED.has(inst.keyword) && inst.text.includes('$'))
                    check(inst);
                if (inst.keyword === 'ENV')
                    for (const p of (0,properties/* pairs */.A)(doc, inst))
                        env.add(p.name);
                if (inst.keyword === 'ARG')
                    for (const p of (0,properties/* pairs */.A)(doc, inst))
                        args.add(p.name);
            }
            stageEnv.set(stage.index, env);
            function check(inst) {
                const own = new Set(inst.keyword === 'ENV' || inst.keyword === 'ARG'
                    ? (0,properties/* pairs */.A)(doc, inst).map((p) => p.name)
                    : []);
                for (const ref of (0,variables/* variableRefs */.tH)(inst.text, inst.textOffsets, doc.escape)) {
                    const name = ref.name;
                    if (env.has(name) || args.has(name) || own.has(name) || variables/* IMPLICIT_ARGS */.MU.has(name))
                        continue;
                    if (ref.modified)
                        continue;
                    const where = doc.span(ref.start, ref.end).range;
                    if (variables/* PLATFORM_ARGS */.KJ.has(name)) {
                        const last = fromLine >= doc.lines.lineCount;
                        const eol = eolAt(doc, fromLine);
                        const at = doc.lines.position(last ? doc.text.length : doc.lines.lineStart(fromLine + 1));
                        ctx.report({
                            message: `Usage of undefined variable '$${name}': BuildKit's platform arguments must be declared with \`ARG ${name}\` inside the stage to be visible.`,
                            range: where,
                            fix: {
                                description: `Declare \`ARG ${name}\` at the start of the stage (BuildKit fills in its value).`,
                                safe: true,
                                edits: [
                                    {
                                        range: { start: at, end: at },
                                        text: last ? `${eol}ARG ${name}` : `ARG ${name}${eol}`
                                    }
                                ]
                            }
                        });
                        continue;
                    }
                    const hint = IMAGE_ENV.has(name)
                        ? undefined
                        : (0,similar/* closest */.kp)(name, [...env, ...args].filter(variables/* isVariableName */.KL));
                    if (!hint && !scratch)
                        continue;
                    ctx.report({
                        message: `Usage of undefined variable '$${name}'${hint ? ` (did you mean $${hint}?)` : ''}.`,
                        range: where,
                        fix: hint
                            ? {
                                description: `Use the defined variable \`${hint}\` (check that it is the intended one).`,
                                safe: false,
                                edits: [{ range: doc.span(ref.nameStart, ref.nameEnd).range, text: hint }]
                            }
                            : undefined
                    });
                }
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2008.ts

/** `key="value"` for a legacy `key value` (undefined when the value cannot be rewritten safely). */
function rewrite(doc, key, value) {
    if (/^"[^"]*"$/.test(value) && !value.slice(1, -1).includes(doc.escape))
        return `${key}=${value}`;
    if (/["'`]/.test(value) || value.includes(doc.escape))
        return undefined;
    return /\s/.test(value) || value === '' ? `${key}="${value}"` : `${key}=${value}`;
}
function legacyFix(doc, inst, key, value) {
    const text = rewrite(doc, key, value);
    if (!text || !inst.argsSpan)
        return undefined;
    return {
        description: `Rewrite as \`${inst.keyword} ${text}\`.`,
        safe: true,
        edits: [{ range: doc.span(inst.argsSpan.start, inst.argsSpan.end).range, text }]
    };
}
const DR2008 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2008',
    aliases: ['LegacyKeyValueFormat'],
    severity: 'info',
    fixable: true,
    description: 'ENV and LABEL should use the `key=value` form, not the legacy `key value` form (BuildKit LegacyKeyValueFormat).',
    check(doc, ctx) {
        for (const top of doc.instructions) {
            const inst = top.trigger ?? top;
            if (inst.keyword !== 'ENV' && inst.keyword !== 'LABEL')
                continue;
            const text = inst.text.trim();
            const m = /^(\S+)\s+([\s\S]*)$/.exec(text);
            const key = m?.[1] ?? text;
            if (key === '' || key.includes('='))
                continue;
            const value = (m?.[2] ?? '').trim();
            if (value === '')
                continue;
            ctx.report({
                message: `"${inst.keyword} key value" is the legacy form; use "${inst.keyword} key=value".`,
                range: inst.keywordSpan.range,
                fix: legacyFix(doc, inst, key, value)
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2009.ts



const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
/** Docker's image reference grammar (lenient on the registry host). */
const REFERENCE = new RegExp(`^(?:[A-Za-z0-9.-]+(?::\\d+)?/)?${COMPONENT}(?:/${COMPONENT})*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[A-Fa-f0-9]{32,})?$`);
/** Expand with ARG defaults; an ARG without a default is the empty string, other names stay. */
function expand(value, args) {
    return value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (match, braced, op, word, bare) => {
        const name = (braced ?? bare);
        // Not a global ARG (a platform argument): its value is unknown here.
        if (!args.has(name))
            return match;
        const v = args.get(name);
        const set = v !== undefined && v !== null;
        const nonEmpty = set && v !== '';
        if (op === ':-')
            return nonEmpty ? v : (word ?? '');
        if (op === '-')
            return set ? v : (word ?? '');
        if (op === ':+')
            return nonEmpty ? (word ?? '') : '';
        if (op === '+')
            return set ? (word ?? '') : '';
        return v ?? '';
    });
}
const DR2009 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2009',
    aliases: ['InvalidDefaultArgInFrom'],
    severity: 'warning',
    description: "A global ARG's default (or the lack of one) makes the FROM image empty or invalid (BuildKit InvalidDefaultArgInFrom).",
    check(doc, ctx) {
        for (const stage of doc.stages) {
            const token = stage.from.args[0];
            if (!token || !token.value.includes('$'))
                continue;
            const refs = (0,variables/* variableRefs */.tH)(stage.from.text, stage.from.textOffsets, doc.escape);
            // Unknown names are UndefinedArgInFrom's; platform arguments have no default to judge.
            if (refs.some((r) => !doc.globalArgs.has(r.name) || variables/* PLATFORM_ARGS */.KJ.has(r.name)))
                continue;
            let image = token.value.replace(/["']/g, '');
            // Defaults may use earlier ARGs (`ARG B=${A}`): expand until nothing is left.
            for (let k = 0; k < 5 && image.includes('$'); k++)
                image = expand(image, doc.globalArgs);
            // Still unexpanded (platform arguments, `${X#…}` modifiers, self-references): cannot judge.
            if (image.includes('$'))
                continue;
            if (image !== '' && REFERENCE.test(image))
                continue;
            const names = [...new Set(refs.map((r) => r.name))];
            const missing = names.filter((n) => doc.globalArgs.get(n) == null);
            // A compose service that builds this Dockerfile passes them (`build.args`): the build the
            // repository runs has a value, the default is only a fallback nobody uses.
            const passed = new Set(composeBuildsOf(doc.path, ctx.workspace).flatMap((b) => [...b.args]));
            if (names.some((n) => passed.has(n)) && missing.every((n) => passed.has(n)))
                continue;
            ctx.report({
                message: image === ''
                    ? `With the defaults of ${names.map((n) => `ARG ${n}`).join(', ')} the base image name is empty; give ${missing.length > 0 ? missing.map((n) => `\`${n}\``).join(', ') : 'the ARG'} a default value.`
                    : `With the ARG defaults the base image becomes '${image}', which is not a valid image reference${missing.length > 0 ? `; give ${missing.map((n) => `\`${n}\``).join(', ')} a default value` : ''}.`,
                range: token.range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2010.ts


const GLOB = /[*?[]/;
const DR2010 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2010',
    aliases: ['CopyIgnoredFile'],
    severity: 'warning',
    description: 'A COPY/ADD source is excluded by .dockerignore, so it is not in the build context (BuildKit CopyIgnoredFile).',
    check(doc, ctx) {
        const ignored = dockerignoreOf(doc, ctx.workspace);
        if (!ignored)
            return;
        for (const top of doc.instructions) {
            const inst = top.trigger ?? top;
            if (!copiesFromContext(inst))
                continue;
            for (const source of localSources(inst)) {
                if (source.path === '.' || GLOB.test(source.value) || !source.token)
                    continue;
                if (!ignored.excludes(source.path))
                    continue;
                ctx.report({
                    message: `'${source.value}' is excluded by ${ignored.path}, so ${inst.keyword} cannot find it in the build context.`,
                    range: source.token.range
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2011.ts



/** Tool comments are not descriptions. */
const PRAGMA = /^(hadolint|docker-review|checkov:|shellcheck|syntax|escape|check)\b/i;
const DR2011 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2011',
    aliases: ['InvalidDefinitionDescription'],
    severity: 'style',
    fixable: true,
    enabledByDefault: false,
    description: 'A comment directly above `FROM … AS name` or `ARG name` should start with that name (BuildKit InvalidDefinitionDescription, experimental).',
    check(doc, ctx) {
        const byLine = new Map();
        for (const c of doc.comments)
            if (!c.inInstruction)
                byLine.set(c.range.start.line, c);
        const check = (inst, name) => {
            const line = inst.range.start.line;
            // The comment block that ends right above the instruction; its first line is the description.
            let first;
            for (let l = line - 1; byLine.has(l); l--)
                first = byLine.get(l);
            if (!first || PRAGMA.test(first.content))
                return;
            const word = first.content.split(/\s+/, 1)[0];
            if (word === name)
                return;
            const at = doc.lines.position(doc.lines.lineStart(line));
            ctx.report({
                message: `Comment for ${inst.keyword} should follow the format \`# ${name} <description>\`; a comment that is not a description needs an empty line before the instruction.`,
                range: first.range,
                fix: {
                    description: 'Insert an empty line between the comment and the instruction.',
                    safe: true,
                    edits: [{ range: { start: at, end: at }, text: eolAt(doc, line) }]
                }
            });
        };
        for (const stage of doc.stages) {
            if (stage.nameSpan)
                check(stage.from, doc.text.slice(stage.nameSpan.start, stage.nameSpan.end));
        }
        for (const inst of doc.instructions) {
            if (inst.keyword !== 'ARG')
                continue;
            const ps = (0,properties/* pairs */.A)(doc, inst);
            if (ps.length === 1)
                check(inst, ps[0].name);
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2012.ts

const DR2012 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2012',
    aliases: ['ExposeProtoCasing'],
    severity: 'style',
    fixable: true,
    description: 'The protocol in EXPOSE should be lowercase (BuildKit ExposeProtoCasing).',
    check(doc, ctx) {
        for (const inst of doc.instructions) {
            if (inst.keyword !== 'EXPOSE')
                continue;
            for (const arg of inst.args) {
                const slash = arg.value.lastIndexOf('/');
                if (slash === -1 || arg.value.includes('$'))
                    continue;
                const proto = arg.value.slice(slash + 1);
                if (proto === proto.toLowerCase())
                    continue;
                const raw = doc.text.slice(arg.start, arg.end);
                const at = arg.start + raw.lastIndexOf(proto);
                ctx.report({
                    message: `Defined protocol '${proto}' in EXPOSE should be lowercase ('${proto.toLowerCase()}').`,
                    range: arg.range,
                    fix: {
                        description: `Write '${proto.toLowerCase()}'.`,
                        safe: true,
                        edits: [{ range: doc.span(at, at + proto.length).range, text: proto.toLowerCase() }]
                    }
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2013.ts

const DR2013 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2013',
    aliases: ['ExposeInvalidFormat'],
    severity: 'warning',
    fixable: true,
    description: 'EXPOSE takes container ports only; an IP address or host-port mapping is ignored (BuildKit ExposeInvalidFormat).',
    check(doc, ctx) {
        for (const inst of doc.instructions) {
            if (inst.keyword !== 'EXPOSE')
                continue;
            for (const arg of inst.args) {
                const value = arg.value.replace(/^["']|["']$/g, '');
                if (!value.includes(':') || value.includes('$'))
                    continue;
                const container = value.slice(value.lastIndexOf(':') + 1);
                ctx.report({
                    message: `EXPOSE '${value}' names a host address or port; only the container port ('${container || '?'}') is used. Publish host ports with \`docker run -p\` or compose \`ports:\`.`,
                    range: arg.range,
                    fix: /^\d/.test(container)
                        ? {
                            description: `Keep only the container port '${container}'.`,
                            safe: true,
                            edits: [{ range: arg.range, text: container }]
                        }
                        : undefined
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR2014.ts



/** BuildKit's word list: a secret-like word as a whole `_`-separated part of the name. */
const SECRET = /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED = /(?:^|_)(?:public|file|version)(?:_|$)/i;
/** GPG key ids and fingerprints (`ENV GPG_KEY …` in official images) are public. */
const PUBLIC_KEY_ID = /(?:^|_)(?:gpg|pgp)_?keys?(?:_|$)/i;
const DR2014 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR2014',
    aliases: ['SecretsUsedInArgOrEnv'],
    severity: 'warning',
    description: 'An ARG or ENV name looks like a secret by BuildKit’s word list (BuildKit SecretsUsedInArgOrEnv).',
    check(doc, ctx) {
        for (const top of doc.instructions) {
            const inst = top.trigger ?? top;
            if (inst.keyword !== 'ARG' && inst.keyword !== 'ENV')
                continue;
            for (const pair of (0,properties/* pairs */.A)(doc, inst)) {
                if (!SECRET.test(pair.name) || ALLOWED.test(pair.name) || PUBLIC_KEY_ID.test(pair.name))
                    continue;
                // DL3064 reports hadolint's word list at the same place; one finding per name is enough.
                if (looksSecret(pair.name))
                    continue;
                // A path to a key file names the secret, it does not hold it.
                if (pair.value && /^[\w.${}~-]*\/[^\s]*$/.test(pair.value))
                    continue;
                ctx.report({
                    message: `Do not use ${inst.keyword} for sensitive data ('${pair.name}'): its value stays in the image metadata and build history. Use \`RUN --mount=type=secret\` instead.`,
                    range: pair.nameSpan.range
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR3001.ts

/** Ports whose service should not run inside an application container, and why. */
const SENSITIVE = new Map([
    [22, 'SSH: use `docker exec` for access instead of running sshd in the container'],
    [23, 'Telnet sends credentials in clear text'],
    [2375, 'the unencrypted Docker daemon API gives root on the host to anyone who reaches it']
]);
const DR3001 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR3001',
    aliases: ['AVD-DS-0004', 'CKV_DOCKER_1'],
    severity: 'warning',
    description: 'EXPOSE opens a sensitive port (22 SSH, 23 Telnet, 2375 Docker API).',
    check(doc, ctx) {
        for (const inst of doc.instructions) {
            if (inst.keyword !== 'EXPOSE')
                continue;
            for (const arg of inst.args) {
                const value = arg.value.replace(/^["']|["']$/g, '');
                if (value.includes('$'))
                    continue;
                const port = value.split('/')[0].split(':').pop() ?? '';
                const m = /^(\d+)(?:-(\d+))?$/.exec(port);
                if (!m)
                    continue;
                const low = Number(m[1]);
                const high = m[2] ? Number(m[2]) : low;
                for (const [p, why] of SENSITIVE) {
                    if (p < low || p > high)
                        continue;
                    ctx.report({
                        message: `EXPOSE ${value} opens port ${p}: ${why}.`,
                        range: arg.range
                    });
                }
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR3002.ts




/** Package managers whose `update` only refreshes the index (yum/dnf `update` upgrades packages). */
const MANAGERS = [
    {
        names: ['apt-get', 'apt', 'aptitude'],
        update: ['update'],
        install: [
            'install',
            'upgrade',
            'dist-upgrade',
            'full-upgrade',
            'build-dep',
            'reinstall',
            'source'
        ]
    },
    { names: ['apk'], update: ['update'], install: ['add', 'upgrade', 'fix'] },
    {
        names: ['zypper'],
        update: ['refresh', 'ref'],
        install: [
            'install',
            'in',
            'update',
            'up',
            'dist-upgrade',
            'dup',
            'patch',
            'source-install',
            'si'
        ]
    }
];
function managerOf(cmd) {
    const name = (0,runs/* commandName */.p6)(cmd);
    return MANAGERS.find((m) => m.names.includes(name));
}
/** The manager's name, also in cross-compilation wrappers (`xx-apt-get`, `xx-apk`). */
function isManagerWord(word, m) {
    return m.names.some((n) => word === n || word.endsWith(`-${n}`));
}
/** `cmd` installs with `m` (also through a wrapper: `xargs apt-get install`, `sudo apk add`). */
function installs(cmd, m) {
    const words = cmd.words.map((w) => w.value.split('/').pop());
    const at = words.findIndex((w) => isManagerWord(w, m));
    return at !== -1 && words.slice(at + 1).some((w) => m.install.includes(w));
}
/** The refreshed index is thrown away again in the same RUN (`apt-get dist-clean`, `rm -rf …lists`). */
function cleans(cmd, m) {
    const name = (0,runs/* commandName */.p6)(cmd);
    if (name === 'rm')
        return cmd.args.some((a) => /^\/var\/(lib\/apt\/lists|cache\/apk)/.test(a.value));
    return m.names.includes(name) && cmd.args.some((a) => /^(dist-clean|clean|cache)$/.test(a.value));
}
const DR3002 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR3002',
    aliases: ['AVD-DS-0017', 'CKV_DOCKER_5'],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'A package index update (`apt-get update`, `apk update`, `zypper refresh`) with no install after it in the same RUN.',
    check(doc, ctx) {
        for (const { inst, cmd, script } of (0,runs/* commandsNamed */.i2)(doc, ...MANAGERS.flatMap((m) => m.names))) {
            const m = managerOf(cmd);
            if (!m || !cmd.args.some((a) => m.update.includes(a.value)))
                continue;
            if (script.commands.some((c) => c.index > cmd.index && (installs(c, m) || cleans(c, m))))
                continue;
            const next = nextInstruction(doc, inst);
            const onlyUpdates = script.commands.every((c) => managerOf(c) === m && c.args.some((a) => m.update.includes(a.value)));
            const nextScript = next && doc.shell(next);
            const merge = next &&
                onlyUpdates &&
                nextScript &&
                nextScript.commands.some((c) => installs(c, m)) &&
                mergeable(doc, inst, next);
            ctx.report({
                message: `\`${(0,runs/* commandName */.p6)(cmd)} ${cmd.args.map((a) => a.value).join(' ')}\` without an install in the same RUN: the refreshed index is cached in its own layer, so a later RUN installs from a stale index when only that later RUN changes. Update and install in one RUN.`,
                range: doc.span(cmd.start, cmd.end).range,
                fix: merge
                    ? {
                        description: 'Merge this RUN with the next one, which installs packages (one layer: the index is refreshed whenever the install changes).',
                        safe: false,
                        edits: mergeEdits(doc, inst, next)
                    }
                    : undefined
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR3003.ts

const SYSTEM = /^\/(proc|sys|dev|boot|initrd|lost\+found)(\/|$)/;
const DR3003 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR3003',
    aliases: ['AVD-DS-0030'],
    severity: 'warning',
    description: 'WORKDIR points into a system directory (/proc, /sys, /dev, /boot, …).',
    check(doc, ctx) {
        for (const inst of doc.instructions) {
            if (inst.keyword !== 'WORKDIR')
                continue;
            const path = inst.text.trim().replace(/^["']|["']$/g, '');
            const m = SYSTEM.exec(path);
            if (!m)
                continue;
            ctx.report({
                message: `WORKDIR ${path} is inside /${m[1]}, a system directory the kernel or the runtime manages; files written there are lost or clash with the host. Use a directory such as /app.`,
                range: inst.argsSpan?.range ?? inst.range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR3004.ts


const DR3004 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR3004',
    aliases: ['CKV2_DOCKER_17'],
    severity: 'warning',
    perInstruction: true,
    description: '`chpasswd` sets a password inside the image.',
    check(doc, ctx) {
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, 'chpasswd')) {
            ctx.report({
                message: '`chpasswd` bakes a password into an image layer, where anyone who pulls the image can read or crack it. Prefer no password login at all; pass real secrets at run time.',
                range: doc.span(cmd.start, cmd.end).range
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR3005.ts





const ENV = [
    { name: 'GIT_SSL_NO_VERIFY', effect: 'turns off TLS certificate checks for git' }
];
const GIT_SSL_OFF = /^http\.(?:[^=]*\.)?sslverify=(0|false|no|off)$/i;
const UNSAFE = 'The download may then fail where it relied on skipping the check (fix the certificate or the mirror instead).';
const DR3005 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR3005',
    aliases: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_14'],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'TLS certificate verification turned off for downloads (curl -k, wget --no-check-certificate, git sslVerify=false, GIT_SSL_NO_VERIFY).',
    check(doc, ctx) {
        reportEnvSettings(doc, ctx, ENV);
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, 'curl', 'wget', 'git')) {
            const name = (0,runs/* commandName */.p6)(cmd);
            const report = (message, words = [cmd.words[0]], fix) => ctx.report({
                message,
                range: doc.span(words[0].start, words[words.length - 1].end).range,
                fix: fix
                    ? {
                        description: `Remove the flag that skips certificate checks. ${UNSAFE}`,
                        safe: false,
                        edits: [fix]
                    }
                    : undefined
            });
            reportPrefixSettings(doc, ctx, cmd, ENV);
            if (name === 'curl') {
                const long = cmd.args.find((a) => a.value === '--insecure');
                const bundle = long ? undefined : curlInsecureBundle(cmd);
                const word = long ?? bundle;
                if (word) {
                    report('`curl` with `-k`/`--insecure` accepts any certificate: anyone on the network path can swap the download.', [word], long ? removeArgs(doc, cmd, long) : removeFlagLetter(doc, cmd, bundle, 'k'));
                }
            }
            else if (name === 'wget') {
                const word = cmd.args.find((a) => a.value === '--no-check-certificate');
                if (word) {
                    report('`wget --no-check-certificate` accepts any certificate: anyone on the network path can swap the download.', [word], removeArgs(doc, cmd, word));
                }
            }
            else {
                cmd.args.forEach((a, i) => {
                    const inline = /^-c(.+)$/.exec(a.value)?.[1];
                    const value = a.value === '-c' ? cmd.args[i + 1]?.value : inline;
                    if (value && GIT_SSL_OFF.test(value)) {
                        report('`git -c http.sslVerify=false` accepts any certificate: anyone on the network path can swap the repository.', a.value === '-c' ? [a, cmd.args[i + 1]] : [a], a.value === '-c' ? removeArgs(doc, cmd, a, cmd.args[i + 1]) : removeArgs(doc, cmd, a));
                    }
                });
                const config = cmd.args.findIndex((a) => a.value === 'config');
                if (config !== -1) {
                    const rest = cmd.args.slice(config + 1).filter((a) => !a.value.startsWith('-'));
                    if (rest.length >= 2 &&
                        /^http\.(?:[^=]*\.)?sslverify$/i.test(rest[0].value) &&
                        /^(0|false|no|off)$/i.test(rest[1].value)) {
                        report('`git config http.sslVerify false` turns off certificate checks for every later git command in the image.', [rest[0], rest[1]]);
                    }
                }
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR3006.ts





/** Flags that skip signature or TLS checks, per package manager. */
const DR3006_FLAGS = {
    'apt-get': ['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories'],
    apt: ['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories'],
    aptitude: ['--allow-untrusted'],
    apk: ['--allow-untrusted'],
    yum: ['--nogpgcheck'],
    dnf: ['--nogpgcheck', '--no-gpgchecks'],
    microdnf: ['--nogpgcheck'],
    tdnf: ['--nogpgcheck'],
    zypper: ['--no-gpg-checks'],
    rpm: ['--nosignature', '--nodigest', '--noverify', '--nofiledigest']
};
const WRITERS = ['echo', 'printf', 'sed', 'tee', 'cat'];
const COMMANDS = [...Object.keys(DR3006_FLAGS), ...WRITERS];
/** `-o APT::Get::AllowUnauthenticated=true`, `--setopt=sslverify=0`, … */
const OPTION_OFF = /^(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::https?::Verify-Peer|[\w.*-]*sslverify|[\w.*-]*gpgcheck)=(?:true|1|yes|0|false|no|off)$/i;
/** Repository configuration written by a RUN that turns checks off. */
const CONFIG_OFF = /\b(sslverify|gpgcheck|repo_gpgcheck)\s*=\s*(0|false|no|off)\b|\[(?:[^\]]*\s)?(trusted|allow-insecure)=yes\b/i;
function optionDisables(value) {
    const m = OPTION_OFF.exec(value);
    if (!m)
        return false;
    const on = /=(true|1|yes)$/i.test(value);
    // The Allow* options disable checks when true; verify/gpgcheck options when false.
    return /Allow/i.test(value) ? on : !on;
}
function report(doc, ctx, cmd, from, to, what) {
    const edit = removeArgs(doc, cmd, from, to);
    ctx.report({
        message: `\`${(0,runs/* commandName */.p6)(cmd)} ${what}\` installs packages without checking their signatures or the repository's certificate: a mirror or anyone on the network path can ship altered packages.`,
        range: doc.span(from.start, to.end).range,
        fix: edit
            ? {
                description: 'Remove the option that skips the checks. The install may then fail until the repository key or certificate is set up properly.',
                safe: false,
                edits: [edit]
            }
            : undefined
    });
}
const DR3006 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR3006',
    aliases: [
        'CKV2_DOCKER_7',
        'CKV2_DOCKER_8',
        'CKV2_DOCKER_9',
        'CKV2_DOCKER_10',
        'CKV2_DOCKER_11',
        'CKV2_DOCKER_15'
    ],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Package signature or repository TLS checks turned off (apt --allow-unauthenticated/--force-yes, apk --allow-untrusted, yum/dnf --nogpgcheck, rpm --nosignature, sslverify=0, [trusted=yes]).',
    check(doc, ctx) {
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, ...COMMANDS)) {
            const name = (0,runs/* commandName */.p6)(cmd);
            const flags = Object.hasOwn(DR3006_FLAGS, name) ? DR3006_FLAGS[name] : undefined;
            if (flags) {
                // Packages built earlier in this build and installed from local files carry no signature.
                const localOnly = name === 'apk' &&
                    argsNoFlags(cmd, ['t', 'virtual', 'X', 'repository'])
                        .slice(1)
                        .every((w) => /^(\.{0,2}\/|\$)|\.apk$/.test(w.raw));
                cmd.args.forEach((a, i) => {
                    if (flags.includes(a.value)) {
                        if (!(localOnly && a.value === '--allow-untrusted'))
                            report(doc, ctx, cmd, a, a, a.value);
                    }
                    else if ((a.value === '-o' || a.value === '--setopt') &&
                        optionDisables(cmd.args[i + 1]?.value ?? ''))
                        report(doc, ctx, cmd, a, cmd.args[i + 1], `${a.value} ${cmd.args[i + 1].value}`);
                    else if (/^--setopt=/.test(a.value) && optionDisables(a.value.slice(9)))
                        report(doc, ctx, cmd, a, a, a.value);
                });
                continue;
            }
            // Configuration written by echo/printf/sed/tee: report the word, no fix.
            if (!WRITERS.includes(name))
                continue;
            for (const a of cmd.args) {
                const m = CONFIG_OFF.exec(a.value);
                // `deb [trusted=yes] file:…`: a local repository of packages built in this very build.
                if (!m || (m[3] && /\]\s*file:/.test(a.value)))
                    continue;
                ctx.report({
                    message: `\`${m[1] ? `${m[1]}=${m[2]}` : `[${m[3]}=yes]`}\` written into the package manager's configuration turns off signature or TLS checks for that repository: a mirror or anyone on the network path can ship altered packages.`,
                    range: doc.span(a.start, a.end).range
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR3007.ts





const DR3007_ENV = [
    {
        name: 'PIP_TRUSTED_HOST',
        effect: 'makes pip accept plain HTTP and any certificate for that host'
    },
    {
        name: 'PYTHONHTTPSVERIFY',
        disables: FALSY,
        effect: 'turns off certificate checks for Python’s HTTPS clients'
    },
    { name: 'UV_INSECURE_HOST', effect: 'makes uv accept any certificate for that host' }
];
const DR3007 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR3007',
    aliases: ['CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_16'],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Python package downloads without TLS verification (pip --trusted-host, PIP_TRUSTED_HOST, PYTHONHTTPSVERIFY=0).',
    check(doc, ctx) {
        reportEnvSettings(doc, ctx, DR3007_ENV);
        for (const { cmd } of (0,runs/* commandsMatching */.Sq)(doc, (n) => /^(pip|python|uv)/.test(n))) {
            reportPrefixSettings(doc, ctx, cmd, DR3007_ENV);
            const name = (0,runs/* commandName */.p6)(cmd);
            const pip = isPip(cmd);
            if (!pip && name !== 'uv')
                continue;
            const flag = pip ? '--trusted-host' : '--allow-insecure-host';
            cmd.args.forEach((a, i) => {
                const inline = a.value.startsWith(`${flag}=`);
                if (a.value !== flag && !inline)
                    return;
                const last = inline ? a : cmd.args[i + 1];
                if (!last)
                    return;
                const edit = removeArgs(doc, cmd, a, last);
                ctx.report({
                    message: `\`${flag}\` lets ${pip ? 'pip' : 'uv'} download packages over plain HTTP or with any certificate: a mirror or anyone on the network path can ship altered packages.`,
                    range: doc.span(a.start, last.end).range,
                    fix: edit
                        ? {
                            description: `Remove \`${flag}\`. The install may then fail until the index has a valid certificate.`,
                            safe: false,
                            edits: [edit]
                        }
                        : undefined
                });
            });
            const config = cmd.args.findIndex((a) => a.value === 'config');
            const key = cmd.args[config + 2];
            if (pip &&
                config !== -1 &&
                cmd.args[config + 1]?.value === 'set' &&
                key &&
                /(^|\.)trusted-host$/.test(key.value)) {
                ctx.report({
                    message: '`pip config set … trusted-host` makes every later pip install in the image skip TLS checks for that host.',
                    range: doc.span(key.start, key.end).range
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/DR3008.ts





const DR3008_ENV = [
    {
        name: 'NODE_TLS_REJECT_UNAUTHORIZED',
        disables: (v) => v.trim() === '0',
        effect: 'makes Node.js accept any TLS certificate'
    },
    {
        name: 'NPM_CONFIG_STRICT_SSL',
        disables: FALSY,
        effect: 'makes npm accept any registry certificate'
    },
    {
        name: 'YARN_STRICT_SSL',
        disables: FALSY,
        effect: 'makes yarn accept any registry certificate'
    },
    {
        name: 'YARN_ENABLE_STRICT_SSL',
        disables: FALSY,
        effect: 'makes yarn accept any registry certificate'
    }
];
const DR3008 = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'DR3008',
    aliases: ['CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13'],
    severity: 'warning',
    perInstruction: true,
    fixable: true,
    description: 'Node.js/npm/yarn TLS verification turned off (NODE_TLS_REJECT_UNAUTHORIZED=0, strict-ssl false).',
    check(doc, ctx) {
        reportEnvSettings(doc, ctx, DR3008_ENV);
        for (const { cmd } of (0,runs/* commandsNamed */.i2)(doc, 'npm', 'yarn', 'pnpm', 'npx', 'node', 'corepack')) {
            reportPrefixSettings(doc, ctx, cmd, DR3008_ENV);
            const name = (0,runs/* commandName */.p6)(cmd);
            if (!['npm', 'yarn', 'pnpm'].includes(name))
                continue;
            const values = cmd.args.map((a) => a.value);
            const set = values.findIndex((v, i) => (v === 'set' && values[i - 1] === 'config') || (v === 'set' && i === 0));
            if (set !== -1 &&
                /^(strict-ssl|strictSsl|enableStrictSsl)$/.test(values[set + 1] ?? '') &&
                FALSY(values[set + 2] ?? '')) {
                ctx.report({
                    message: `\`${name} config set ${values[set + 1]} ${values[set + 2]}\` makes every later ${name} command in the image accept any registry certificate.`,
                    range: doc.span(cmd.args[set + 1].start, cmd.args[set + 2].end).range
                });
            }
            for (const a of cmd.args) {
                if (a.value !== '--no-strict-ssl' && !/^--strict-ssl=(false|0|no)$/.test(a.value))
                    continue;
                const edit = removeArgs(doc, cmd, a);
                ctx.report({
                    message: `\`${a.value}\` makes ${name} accept any registry certificate: a mirror or anyone on the network path can ship altered packages.`,
                    range: doc.span(a.start, a.end).range,
                    fix: edit
                        ? {
                            description: `Remove \`${a.value}\`. The install may then fail until the registry has a valid certificate.`,
                            safe: false,
                            edits: [edit]
                        }
                        : undefined
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/lib/shellcheck-context.ts

/**
 * What ShellCheck cannot know about a RUN and the Dockerfile model does: which `/bin/sh` the image
 * has and which variables the Dockerfile sets. A ShellCheck comment the context proves wrong is not
 * reported. Each class was measured (bench/precision/shellcheck-codes-21.tsv):
 *
 * - SC2115 (`rm -rf "$dir/"*` with an empty variable): both corpus findings were on an ARG with a
 *   non-empty default (`ARG WEB_DIR=/usr/local/tomcat/webapps`).
 * - SC3xxx ("in POSIX sh, X is undefined") under the default `/bin/sh`: on RHEL-family images
 *   /bin/sh is bash, and Alpine's BusyBox ash has `[[ ]]`, `&>`, `set -o pipefail` and `echo -e`
 *   (28 of the 32 drawn SC3010/SC3020/SC3037/SC3040/SC3053 findings were FP, mostly these).
 *   `echo -n` (and the external `/bin/echo`) works under every sh an image ships.
 */
/** SC3xxx codes for features Alpine's BusyBox ash (ASH_BASH_COMPAT, FANCY_ECHO) has. */
const BUSYBOX_ASH = new Set([3010, 3020, 3037, 3040]);
const VARIABLE = /^"?\$\{?([A-Za-z_]\w*)/;
/** Does the body assign `name` itself (`name=…`, `read name`, `for name in`, `export name=`)? */
function assigns(body, name) {
    return new RegExp(`(^|[\\s;&|(])${name}=|\\b(read|for)\\s+(-\\w+\\s+)*${name}\\b`, 'm').test(body);
}
/** `rm -rf ${DIR}/*` where DIR is an ARG or ENV with a non-empty value the script keeps. */
function setVariable(doc, rs, flagged) {
    const name = VARIABLE.exec(flagged)?.[1];
    if (!name)
        return false;
    const value = doc.variables(rs.inst).get(name);
    return typeof value === 'string' && value.trim() !== '' && !assigns(rs.body, name);
}
/** `echo -n` (every sh has it) or the external `/bin/echo` (GNU or BusyBox: both take -e). */
function portableEcho(rs, at) {
    const flags = /^(-[neE]+\s+)+/.exec(rs.body.slice(at))?.[0] ?? '';
    if (flags !== '' && !/[eE]/.test(flags))
        return true;
    return /(^|[\s;&|(])\/(usr\/)?bin\/echo\s+$/.test(rs.body.slice(Math.max(0, at - 40), at));
}
/** An SC3xxx comment on a `/bin/sh` RUN whose image's sh has the feature. */
function shHasIt(rs, c, at) {
    if (!rs.script.startsWith('#!/bin/sh\n'))
        return false;
    if (c.code === 3037 && portableEcho(rs, at))
        return true;
    const family = (0,dockerfile_distro/* stageDistro */["in"])(rs.inst.stage).family;
    if (family === 'rhel')
        return true;
    // Alpine's build of BusyBox; other builds (the busybox image, Debian's) may lack the bash compat.
    if (family !== 'alpine')
        return false;
    if (c.code === 3040)
        return /pipefail/.test(c.message);
    return BUSYBOX_ASH.has(c.code);
}
/** Is this ShellCheck comment, starting at body index `at`, wrong for this RUN? */
function refutedByContext(doc, rs, c, at) {
    if (c.code === 2115)
        return setVariable(doc, rs, rs.body.slice(at));
    if (c.code >= 3000 && c.code < 4000)
        return shHasIt(rs, c, at);
    return false;
}

;// CONCATENATED MODULE: ./src/rules/dockerfile/SHELLCHECK.ts




/**
 * Codes hadolint drops: ash is checked as dash (SC2187), sourced files are not available. And
 * SC3043 (`local` is not POSIX): every `/bin/sh` an image ships (dash, BusyBox ash, bash) has
 * `local`; the precision sample (bench/precision, seed 13) judged all four of its findings false.
 */
const EXCLUDED = new Set([2187, 1090, 1091, 3043]);
const POSIX_NOTE = ' (this RUN runs under a POSIX `sh`; if the image needs bash features, set `SHELL ["/bin/bash", "-c"]` first)';
const SHELLCHECK_VARIABLE = /^\$\{?([A-Za-z_]\w*)\}?$/;
/** Interpreters that expand `$…` in the code they are given (`pwsh -Command '… $env:X …'`). */
const POWERSHELL = /^(pwsh|pwsh-preview|powershell)(\.exe)?$/i;
/**
 * SC2016 ("expressions don't expand in single quotes") on an argument of PowerShell: the `$` is
 * PowerShell's, meant to reach it unexpanded (ShellCheck exempts `sh -c`, `awk`, `perl` alike).
 */
function powershellCode(doc, rs, offset) {
    const script = doc.shell(rs.inst);
    return (script?.commands.some((cmd) => cmd.start <= offset && offset < cmd.end && POWERSHELL.test((0,runs/* commandName */.p6)(cmd))) ?? false);
}
/**
 * Is `name` given a list somewhere the RUN can see: a command's output (`x="$(apt-mark
 * showmanual)"`, backticks) or a value with blanks (`runDeps='gcc make'`, `ENV PKGS="a b"`)?
 * Quoting such a variable turns the list into one argument (`apt-mark manual "$savedAptMark"`).
 */
function holdsList(doc, rs, name) {
    const value = doc.variables(rs.inst).get(name);
    if (value && /\s/.test(value.trim()))
        return true;
    const assign = new RegExp(`(?:^|[\\s;&|(])${name}=("\\$\\(|\\$\\(|\`|"\`|"[^"]*\\s[^"]*"|'[^']*\\s[^']*')`, 'm');
    return assign.test(rs.body);
}
function toFix(doc, rs, c) {
    if (!c.fix)
        return undefined;
    if (c.code === 2086) {
        const s = (0,shellcheck_script/* bodyIndex */.ZD)(rs, c.line, c.column);
        const e = (0,shellcheck_script/* bodyIndex */.ZD)(rs, c.endLine, c.endColumn);
        const name = s === undefined || e === undefined ? undefined : SHELLCHECK_VARIABLE.exec(rs.body.slice(s, e))?.[1];
        if (name && holdsList(doc, rs, name))
            return undefined;
    }
    const edits = [];
    for (const r of c.fix.replacements) {
        const s = (0,shellcheck_script/* bodyIndex */.ZD)(rs, r.line, r.column);
        const e = (0,shellcheck_script/* bodyIndex */.ZD)(rs, r.endLine, r.endColumn);
        if (s === undefined || e === undefined || e < s || !(0,shellcheck_script/* contiguous */.H9)(rs, s, e))
            return undefined;
        const [start, end] = (0,shellcheck_script/* fileSpan */.bU)(rs, s, e);
        edits.push({ range: doc.span(start, end).range, text: r.replacement });
    }
    if (edits.length === 0)
        return undefined;
    return {
        description: `Apply ShellCheck's suggested edit for SC${c.code} (e.g. quoting stops word splitting and globbing; check that none was intended).`,
        safe: false,
        edits
    };
}
const SHELLCHECK = (0,rules_define/* defineDockerfileRule */.M2)({
    id: 'SHELLCHECK',
    aliases: [],
    severity: 'warning',
    fixable: true,
    description: 'ShellCheck findings (SC codes) in shell-form and heredoc RUN instructions, at their exact position.',
    check(doc, ctx) {
        const shellcheck = (0,shellcheck_script/* shellcheckOf */.wI)(ctx);
        if (!shellcheck)
            return;
        // Scripts ShellCheck did not check are DR0010's to report.
        for (const { rs, comments } of (0,shellcheck_script/* checkedScripts */.KB)(doc, shellcheck)) {
            for (const c of comments) {
                if (EXCLUDED.has(c.code))
                    continue;
                const s = (0,shellcheck_script/* bodyIndex */.ZD)(rs, c.line, c.column);
                if (s === undefined)
                    continue;
                if (refutedByContext(doc, rs, c, s))
                    continue;
                const e = Math.max(s, (0,shellcheck_script/* bodyIndex */.ZD)(rs, c.endLine, c.endColumn) ?? s);
                const [start, end] = (0,shellcheck_script/* fileSpan */.bU)(rs, s, e);
                if (c.code === 2016 && powershellCode(doc, rs, start))
                    continue;
                const posix = c.code >= 3000 && c.code < 4000 && /^#!\/bin\/(sh|dash)\n/.test(rs.script);
                ctx.report({
                    rule: `SC${c.code}`,
                    severity: c.level,
                    message: c.message + (posix ? POSIX_NOTE : ''),
                    range: doc.span(start, end).range,
                    fix: toFix(doc, rs, c)
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/dockerfile/other-rules.ts











































/** Dockerfile rules beyond hadolint's DL set (ShellCheck family, BuildKit, security, DR), sorted by id. */
const otherRules = [
    DR0001,
    DR0010,
    DR0011,
    DR1001,
    DR1002,
    DR1003,
    DR1004,
    DR1005,
    DR1006,
    DR1007,
    DR1008,
    DR1009,
    DR1010,
    DR1011,
    DR1012,
    DR1015,
    DR1016,
    DR1017,
    DR1018,
    DR1019,
    DR2001,
    DR2002,
    DR2003,
    DR2004,
    DR2005,
    DR2006,
    DR2007,
    DR2008,
    DR2009,
    DR2010,
    DR2011,
    DR2012,
    DR2013,
    DR2014,
    DR3001,
    DR3002,
    DR3003,
    DR3004,
    DR3005,
    DR3006,
    DR3007,
    DR3008,
    SHELLCHECK
];

;// CONCATENATED MODULE: ./src/rules/dockerfile/index.ts



/**
 * Every Dockerfile rule, sorted by id: hadolint's DL rules, and the rules beyond hadolint
 * (ShellCheck, BuildKit, security, DR). A meta-test keeps these lists, the files and docs/rules/ in step.
 */
const dockerfileRules = [
    ...hadolintRules,
    ...otherRules
].sort((a, b) => (0,core_text/* compareText */.n6)(a.meta.id, b.meta.id));

// EXTERNAL MODULE: ./src/compose/file.ts
var file = __webpack_require__(7944);
// EXTERNAL MODULE: ./src/compose/model.ts
var compose_model = __webpack_require__(4781);
;// CONCATENATED MODULE: ./src/rules/compose/DC0001.ts



const STACK_OVERFLOW = /call stack/i;
/** YAML that Compose cannot load: syntax errors, duplicate keys, alias bombs. */
const DC0001 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC0001',
    aliases: ['invalid-yaml'],
    severity: 'error',
    description: 'The compose file is not valid YAML (syntax error, duplicate key, excessive aliases).',
    check(doc, ctx) {
        let exhausted = false;
        for (const p of doc.problems) {
            if (p.severity !== 'error' || p.code === 'MULTIPLE_DOCS')
                continue;
            // The parser ran out of stack (thousands of nested levels): say so once, in words. Where
            // the overflow lands (a collection, a scalar's tag) depends on the stack at hand.
            const stack = p.code === 'RESOURCE_EXHAUSTION' || STACK_OVERFLOW.test(p.message);
            if (stack) {
                if (exhausted)
                    continue;
                exhausted = true;
            }
            let start = p.start;
            const quote = /Missing closing ("|')quote/.exec(p.message);
            // yaml reports an unterminated quote at the end of the file; point at the opening quote.
            if (quote)
                start = Math.max(0, doc.text.lastIndexOf(quote[1], p.start - 1));
            // Indentation problems are reported at the line start; point at the misplaced token.
            const lead = /^[ \t]+/.exec(doc.text.slice(start, start + 200));
            if (!quote && lead && !doc.text.slice(start, start + lead[0].length).includes('\n'))
                start += lead[0].length;
            const message = p.code === 'DUPLICATE_KEY'
                ? `Duplicate key: ${p.message.replace(/^Map keys must be unique.*?$/, 'map keys must be unique')}; Compose would reject the file.`
                : stack
                    ? `Invalid YAML: nested too deeply to read (${p.message}); nothing below this point is checked.`
                    : `Invalid YAML: ${p.message}`;
            ctx.report({
                message,
                range: doc.rangeOf(start, quote ? start + 1 : Math.max(p.end, start + 1))
            });
        }
        if (doc.documentCount > 1) {
            ctx.report({
                message: `The file holds ${doc.documentCount} YAML documents; Compose reads only one per file.`,
                range: doc.rangeOf(0, 0)
            });
        }
        const model = (0,file/* fileModel */.q)(doc);
        for (const bad of model.badAliases) {
            const r = bad.node.range;
            if (r)
                ctx.report({ message: `Invalid YAML: ${bad.message}.`, range: doc.rangeOf(r[0], r[1]) });
        }
        const deep = model.tooDeep?.range;
        if (deep) {
            ctx.report({
                message: `Invalid YAML: nested more than ${compose_model/* MAX_DEPTH */.lr} levels deep; nothing else in this file is checked.`,
                range: doc.rangeOf(deep[0], Math.max(deep[0] + 1, Math.min(deep[1], deep[0] + 1)))
            });
        }
        const bomb = model.bomb;
        if (bomb?.node.range) {
            ctx.report({
                message: `Alias expansion would create ${bomb.size.toLocaleString('en')} nodes (more than ${compose_model/* MAX_EXPANDED_NODES */.vN.toLocaleString('en')}): an alias bomb. Nothing else in this file is checked.`,
                range: doc.rangeOf(bomb.node.range[0], bomb.node.range[1])
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/compose/edits.ts


/**
 * Minimal text edits over the original compose text. Nothing is re-printed: an edit replaces
 * exactly the characters it must, so comments, key order, quoting, indentation and line endings
 * elsewhere stay byte-identical.
 */
function replaceEdit(doc, start, end, text) {
    return { range: doc.rangeOf(start, end), text };
}
/** Could `value` be written as a plain scalar and still read back as the same string? */
function isPlainSafe(value) {
    if (value === '' || value !== value.trim())
        return false;
    if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/^[-?:][^\s]/.test(value))
        return false;
    if (/:(\s|$)|\s#|[\n\r\t]/.test(value))
        return false;
    try {
        return (0,dist/* parse */.qg)(value, { logLevel: 'error' }) === value;
    }
    catch {
        return false;
    }
}
/** Render a string in a scalar style (`PLAIN` falls back to double quotes when it must). */
function renderScalar(value, style) {
    if (style === 'QUOTE_SINGLE')
        return `'${value.replace(/'/g, "''")}'`;
    if (style === 'QUOTE_DOUBLE')
        return JSON.stringify(value);
    return isPlainSafe(value) ? value : JSON.stringify(value);
}
/** Replace a scalar's text with a new string value, keeping its quoting style. */
function replaceScalar(doc, node, value, style = node.type) {
    const r = node.range;
    if (!r || (style !== 'PLAIN' && style !== 'QUOTE_SINGLE' && style !== 'QUOTE_DOUBLE')) {
        return undefined;
    }
    return replaceEdit(doc, r[0], r[1], renderScalar(value, style));
}
/** The source text of a scalar equals its value (no escapes, no folding): safe to splice into. */
function spliceable(doc, node) {
    const r = node.range;
    if (!r || typeof node.value !== 'string')
        return false;
    const raw = doc.text.slice(r[0], r[1]);
    if (node.type === 'PLAIN')
        return raw === node.value;
    if (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE')
        return raw.slice(1, -1) === node.value;
    return false;
}
/** Offset of the first character of the line holding `offset`. */
function lineStart(doc, offset) {
    return doc.text.lastIndexOf('\n', offset - 1) + 1;
}
/** Offset just past the line terminator of the line holding `offset` (or the end of the text). */
function nextLineStart(doc, offset) {
    const nl = doc.text.indexOf('\n', offset);
    return nl === -1 ? doc.text.length : nl + 1;
}
/** Offset of the end of the line's content (before `\r\n` / `\n`). */
function lineContentEnd(doc, offset) {
    const nl = doc.text.indexOf('\n', offset);
    if (nl === -1)
        return doc.text.length;
    return nl > 0 && doc.text[nl - 1] === '\r' ? nl - 1 : nl;
}
/** Column (0-based) of an offset within its line. */
function columnOf(doc, offset) {
    return offset - lineStart(doc, offset);
}
/** Is everything before `offset` on its line whitespace? */
function startsLine(doc, offset) {
    return doc.text.slice(lineStart(doc, offset), offset).trim() === '';
}
/**
 * Delete the whole lines spanning `[start, end)` (with their line terminators, and any trailing
 * comment on the last line). Falls back to deleting just the span when other content shares the
 * first line.
 */
function deleteLines(doc, start, end) {
    const from = lineStart(doc, start);
    if (!startsLine(doc, start))
        return replaceEdit(doc, start, end, '');
    const last = Math.max(start, end - 1);
    return replaceEdit(doc, from, nextLineStart(doc, last), '');
}
/** Insert lines after the line holding `offset` (each line given without terminator). */
function insertLinesAfter(doc, offset, lines) {
    const eol = (0,core_text/* eolOf */.Wl)(doc.text);
    const at = lineContentEnd(doc, offset);
    return replaceEdit(doc, at, at, lines.map((l) => eol + l).join(''));
}
function eol(doc) {
    return (0,core_text/* eolOf */.Wl)(doc.text);
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
;// CONCATENATED MODULE: ./src/compose/schema.ts




let loadedValidator;
/**
 * The validator, loaded on first use: it is 400 KB of code whose evaluation builds the whole
 * schema, which a run over Dockerfiles alone never needs. ncc sees `require(…)`: the action bundles
 * the module, evaluated at this call; the CLI keeps it in a script of its own
 * (scripts/package.mjs: `compose-validator.js`), read at this call. Plain ESM (tsx, vitest) takes
 * createRequire: a global `require` may exist there (mvdan/sh sets one) but resolves elsewhere.
 */
function composeValidator() {
    if (loadedValidator)
        return loadedValidator;
    const load = undefined;
    loadedValidator = __webpack_require__(525);
    return loadedValidator;
}
const TYPE_WORDS = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'a boolean',
    null: 'null'
};
/** Keys of older Compose file formats and what replaced them (same value syntax). */
const RENAMED = { net: 'network_mode' };
/** The key meant: a close spelling, a renamed legacy key, or the one key the typo is a prefix of. */
function suggestKey(prop, known) {
    const near = (0,similar/* closest */.kp)(prop, known);
    if (near)
        return near;
    const renamed = RENAMED[prop];
    if (renamed && known.includes(renamed))
        return renamed;
    const longer = prop.length >= 4 ? known.filter((k) => k.startsWith(prop)) : [];
    return longer.length === 1 ? longer[0] : undefined;
}
/** `services.web.ports[0]` */
function dotted(path) {
    let out = '';
    for (const s of path) {
        if (typeof s === 'number')
            out += `[${s}]`;
        else
            out += out === '' ? s : `.${s}`;
    }
    return out || '(top level)';
}
/** The virtual root the schema sees: a legacy (v1) file's services are validated under `services`. */
function schemaRoot(model) {
    const root = model.root;
    if (!root)
        return undefined;
    if (model.layout !== 'legacy')
        return root;
    const entries = new Map();
    const services = new Map();
    for (const [k, e] of root.entries) {
        if (model.legacyKeys.includes(e))
            services.set(k, e);
        else
            entries.set(k, e);
    }
    const first = model.legacyKeys[0];
    entries.set('services', {
        key: 'services',
        keyNode: first.keyNode,
        doc: first.doc,
        value: { kind: 'map', doc: root.doc, node: root.node, entries: services },
        merged: false
    });
    return { ...root, entries };
}
function pathOf(instancePath, root) {
    const raw = instancePath
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const path = [];
    const vals = [root];
    let cur = root;
    for (const seg of raw) {
        if (cur?.kind === 'seq') {
            const i = Number(seg);
            path.push(i);
            cur = cur.items[i];
        }
        else {
            path.push(seg);
            cur = cur?.kind === 'map' ? cur.entries.get(seg)?.value : undefined;
        }
        if (cur)
            vals.push(cur);
    }
    return { path, vals };
}
/** The entry holding the value at `path` (for reporting collections at their key). */
function entryAt(root, path) {
    let cur = root;
    let found;
    for (const seg of path) {
        if (!cur)
            return undefined;
        if (typeof seg === 'number') {
            cur = cur.kind === 'seq' ? cur.items[seg] : undefined;
            found = undefined;
        }
        else {
            found = cur.kind === 'map' ? cur.entries.get(seg) : undefined;
            cur = found?.value;
        }
    }
    return found;
}
/** Where to report a problem with the value at `path`. */
function locate(root, path, val) {
    if (val && val.kind === 'scalar' && val.node.range) {
        const [start, end] = (0,compose_model/* valSpan */.ch)(val);
        if (end > start)
            return { doc: val.doc, start, end };
    }
    const e = entryAt(root, path);
    if (e?.keyNode.range)
        return { doc: e.doc, start: e.keyNode.range[0], end: e.keyNode.range[1] };
    if (val) {
        const [start, end] = (0,compose_model/* valSpan */.ch)(val);
        return { doc: val.doc, start, end: Math.min(end, start + 1) };
    }
    return undefined;
}
/** Validate a file against the Compose Specification; every violation, each at its node. */
function schemaProblems(model) {
    const root = schemaRoot(model);
    if (!root)
        return [];
    const data = (0,compose_model/* toJS */.HO)(root);
    const validate = composeValidator();
    if (validate(data))
        return [];
    const errors = relevantErrors(validate.errors ?? []);
    const out = [];
    const seen = new Set();
    const push = (p, dedupe) => {
        if (!p)
            return;
        const key = `${p.doc.path}:${p.start}:${p.end}:${dedupe}`;
        if (seen.has(key))
            return;
        seen.add(key);
        out.push(p);
    };
    for (const group of errors) {
        const e = group[0];
        const { path, vals } = pathOf(e.instancePath, root);
        const val = vals.length === path.length + 1 ? vals[vals.length - 1] : undefined;
        if (e.keyword === 'additionalProperties') {
            const prop = String(e.params.additionalProperty);
            const holder = val?.kind === 'map' ? val.entries.get(prop) : undefined;
            if (!holder?.keyNode.range)
                continue;
            const parent = e.parentSchema;
            const known = Object.keys(parent?.properties ?? {});
            const hint = suggestKey(prop, known);
            const taken = hint !== undefined && val?.kind === 'map' && val.entries.has(hint);
            const where = path.length === 0 ? 'at the top level' : `in ${dotted(path)}`;
            push({
                doc: holder.doc,
                start: holder.keyNode.range[0],
                end: holder.keyNode.range[1],
                message: `Unknown key '${prop}' ${where}${hint ? ` (did you mean '${hint}'?)` : ''}: the Compose Specification does not allow it.`,
                rename: hint && !taken && (0,dist/* isScalar */.jn)(holder.keyNode)
                    ? { node: holder.keyNode, to: hint }
                    : undefined
            }, `key:${prop}`);
            continue;
        }
        const at = locate(root, path, val);
        if (!at)
            continue;
        if (e.keyword === 'enum') {
            const allowed = e.params.allowedValues.map(String);
            const actual = val?.kind === 'scalar' ? String(val.value) : undefined;
            const hint = actual !== undefined ? (0,similar/* closest */.kp)(actual, allowed) : undefined;
            push({
                ...at,
                message: `${dotted(path)} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}${hint ? ` (did you mean '${hint}'?)` : ''}.`,
                rename: hint && val?.kind === 'scalar' && (0,dist/* isScalar */.jn)(val.node)
                    ? { node: val.node, to: hint }
                    : undefined
            }, 'enum');
            continue;
        }
        if (e.keyword === 'type') {
            const types = [
                ...new Set(group.flatMap((g) => [g.params.type].flat()))
            ];
            const words = types.map((t) => TYPE_WORDS[t] ?? t);
            const list = words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
            push({ ...at, message: `${dotted(path)} must be ${list}.` }, 'type');
            continue;
        }
        if (e.keyword === 'uniqueItems') {
            const j = e.params.j;
            const { i } = e.params;
            const item = val?.kind === 'seq' ? val.items[Math.max(i, j)] : undefined;
            const itemAt = item ? locate(root, [...path, Math.max(i, j)], item) : at;
            push({
                ...(itemAt ?? at),
                message: `${dotted(path)} lists the same item twice (items ${Math.min(i, j) + 1} and ${Math.max(i, j) + 1}).`
            }, 'unique');
            continue;
        }
        if (e.keyword === 'required') {
            const missing = e.params.missingProperty;
            push({ ...at, message: `${dotted(path)} requires '${missing}'.` }, `req:${missing}`);
            continue;
        }
        push({ ...at, message: `${dotted(path)} ${e.message ?? 'is invalid'}.` }, e.keyword);
    }
    return out;
}
/**
 * ajv's all-errors output, reduced to what a person should fix: `oneOf`/`anyOf` wrappers go when
 * a branch explains the problem; a "wrong type" from a branch whose type did not apply goes when
 * another branch reports something more specific at (or under) the same place; type errors at the
 * same place are grouped ("must be a mapping or a list").
 */
function relevantErrors(errors) {
    const nonTypeAt = new Set();
    const paths = errors.map((e) => e.instancePath);
    for (const e of errors) {
        if (e.keyword !== 'type' && !WRAPPERS.has(e.keyword))
            nonTypeAt.add(e.instancePath);
    }
    const deeper = (p) => paths.some((q) => q.startsWith(`${p}/`));
    const under = (e, p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`);
    const kept = errors.filter((e) => {
        if (WRAPPERS.has(e.keyword))
            return !errors.some((o) => !WRAPPERS.has(o.keyword) && under(o, e.instancePath));
        if (e.keyword === 'type')
            return !nonTypeAt.has(e.instancePath) && !deeper(e.instancePath);
        return true;
    });
    const groups = new Map();
    const out = [];
    for (const e of kept) {
        if (e.keyword === 'type') {
            const g = groups.get(e.instancePath);
            if (g) {
                g.push(e);
                continue;
            }
            const fresh = [e];
            groups.set(e.instancePath, fresh);
            out.push(fresh);
        }
        else
            out.push([e]);
    }
    return out;
}
const WRAPPERS = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not']);

// EXTERNAL MODULE: ./src/compose/interpolation.ts
var interpolation = __webpack_require__(6401);
// EXTERNAL MODULE: ./src/compose/ports.ts
var compose_ports = __webpack_require__(808);
;// CONCATENATED MODULE: ./src/compose/values.ts






/**
 * What the schema cannot see but Compose rejects when it loads the file: restart policies,
 * durations, byte sizes, port strings, healthcheck test forms and interpolation syntax.
 * Values holding variables are not judged (only their `${…}` syntax is).
 */
const RESTART_POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'];
const DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const BYTES = /^\d+(?:\.\d+)* ?[kKmMgGtTpP]?[iI]?[bB]?$/;
const SERVICE_DURATIONS = [
    ['healthcheck', 'interval'],
    ['healthcheck', 'timeout'],
    ['healthcheck', 'start_period'],
    ['healthcheck', 'start_interval'],
    ['stop_grace_period'],
    ['deploy', 'restart_policy', 'delay'],
    ['deploy', 'restart_policy', 'window'],
    ['deploy', 'update_config', 'delay'],
    ['deploy', 'update_config', 'monitor'],
    ['deploy', 'rollback_config', 'delay'],
    ['deploy', 'rollback_config', 'monitor']
];
const SERVICE_BYTES = [
    ['mem_limit'],
    ['memswap_limit'],
    ['mem_reservation'],
    ['shm_size'],
    ['build', 'shm_size'],
    ['deploy', 'resources', 'limits', 'memory'],
    ['deploy', 'resources', 'reservations', 'memory']
];
function isDuration(text) {
    return text === '0' || DURATION.test(text);
}
function valueProblems(model) {
    const out = [];
    const seen = new Set();
    const add = (val, message, rename) => {
        if (seen.has(val))
            return;
        seen.add(val);
        const [start, end] = (0,compose_model/* valSpan */.ch)(val);
        out.push({
            doc: val.doc,
            start,
            end,
            message,
            rename: rename && (0,dist/* isScalar */.jn)(val.node) ? { node: val.node, to: rename } : undefined
        });
    };
    const text = (val) => {
        const t = (0,compose_model/* str */.gx)(val);
        return t === undefined || (0,interpolation/* hasVariable */.$u)(t) ? undefined : t;
    };
    for (const [name, entry] of model.services) {
        const svc = entry.value;
        if (svc.kind !== 'map')
            continue;
        const path = ['services', name];
        const restart = (0,compose_model/* get */.Jt)(svc, 'restart');
        const policy = text(restart);
        if (restart && policy !== undefined && !isRestartPolicy(policy)) {
            const hint = (0,similar/* closest */.kp)(policy, RESTART_POLICIES);
            add(restart, `${dotted([...path, 'restart'])} '${policy}' is not a restart policy (no, always, on-failure[:max-retries], unless-stopped)${hint ? `; did you mean '${hint}'?` : ''}.`, hint);
        }
        for (const p of SERVICE_DURATIONS) {
            const v = (0,compose_model/* getIn */.O6)(svc, p);
            const t = text(v);
            if (v &&
                t !== undefined &&
                typeof v.value === 'string' &&
                !isDuration(t))
                add(v, `${dotted([...path, ...p])} '${t}' is not a duration (e.g. 30s, 1m30s, 500ms).`);
        }
        for (const p of SERVICE_BYTES) {
            const v = (0,compose_model/* getIn */.O6)(svc, p);
            const t = text(v);
            if (v && t !== undefined && !BYTES.test(t) && !(p[0] === 'memswap_limit' && t === '-1'))
                add(v, `${dotted([...path, ...p])} '${t}' is not a byte size (e.g. 512m, 1g, 1024k).`);
        }
        checkPorts(svc, path, add);
        const expose = (0,compose_model/* get */.Jt)(svc, 'expose');
        if (expose?.kind === 'seq') {
            expose.items.forEach((item, i) => {
                const t = text(item);
                const error = t === undefined ? undefined : (0,compose_ports/* exposeError */.LL)(t);
                if (error)
                    add(item, `${dotted([...path, 'expose', i])}: ${error}.`);
            });
        }
        const test = (0,compose_model/* getIn */.O6)(svc, ['healthcheck', 'test']);
        if (test?.kind === 'seq' && test.items.length > 0) {
            const first = test.items[0];
            const t = text(first);
            if (t !== undefined && !['CMD', 'CMD-SHELL', 'NONE'].includes(t)) {
                add(first, `${dotted([...path, 'healthcheck', 'test', 0])} must be CMD, CMD-SHELL or NONE (got '${t}'); Compose rejects the healthcheck.`, (0,similar/* closest */.kp)(t, ['CMD', 'CMD-SHELL', 'NONE'], 2));
            }
        }
    }
    if (model.root)
        checkInterpolation(model.root, add);
    return out;
}
function isRestartPolicy(text) {
    return /^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(text);
}
function checkPorts(svc, path, add) {
    const ports = (0,compose_model/* get */.Jt)(svc, 'ports');
    if (ports?.kind !== 'seq')
        return;
    ports.items.forEach((item, i) => {
        const where = () => dotted([...path, 'ports', i]);
        if (item.kind === 'scalar') {
            const t = (0,compose_model/* str */.gx)(item);
            if (t === undefined)
                return;
            const spec = (0,compose_ports/* parseShortPort */.nX)(t);
            if (spec.error)
                add(item, `${where()} '${t}' is not a valid port mapping: ${spec.error}.`);
            return;
        }
        if (item.kind !== 'map')
            return;
        const spec = (0,compose_ports/* parseLongPort */.jz)({
            target: (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(item, 'target')),
            published: (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(item, 'published')),
            host_ip: (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(item, 'host_ip')),
            protocol: (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(item, 'protocol'))
        });
        if (!spec.error)
            return;
        const culprit = ['host_ip', 'published', 'target', 'protocol']
            .map((k) => (0,compose_model/* get */.Jt)(item, k))
            .find((v) => v && spec.error.includes(String((0,compose_model/* str */.gx)(v)))) ?? item;
        add(culprit, `${where()}: ${spec.error}.`);
    });
}
/** Every string value (keys excluded; Compose does not interpolate keys) must be well-formed. */
function checkInterpolation(root, add) {
    const visited = new Set();
    const walk = (val) => {
        if (visited.has(val))
            return;
        visited.add(val);
        if (val.kind === 'scalar') {
            if (typeof val.value === 'string' && val.value.includes('${')) {
                const { error } = (0,interpolation/* scanVariables */.NQ)(val.value);
                if (error)
                    add(val, `Invalid interpolation: ${error.message}.`);
            }
        }
        else if (val.kind === 'seq')
            val.items.forEach(walk);
        else
            for (const e of val.entries.values())
                walk(e.value);
    };
    walk(root);
}

;// CONCATENATED MODULE: ./src/rules/compose/lib/report.ts

/** Offsets `[start, end)` in `owner`. */
function atSpan(doc, owner, start, end) {
    return { range: doc.rangeOf(start, end), source: owner };
}
/** At a value (a scalar's text; a collection's first token onwards). */
function atValue(doc, val) {
    const [start, end] = (0,compose_model/* valSpan */.ch)(val);
    return atSpan(doc, val.doc, start, Math.max(end, start));
}
/** At the key of an entry (at its value for a key without a position, which parsing never makes). */
function atKey(doc, entry) {
    const r = entry.keyNode.range;
    return r ? atSpan(doc, entry.doc, r[0], r[1]) : atValue(doc, entry.value);
}

;// CONCATENATED MODULE: ./src/rules/compose/DC0002.ts







/**
 * The Compose Specification: every schema violation at its node (not just the first, not at 1:1),
 * plus the value checks Compose applies beyond the schema (restart, durations, sizes, ports,
 * healthcheck test, interpolation). Unknown keys and bad enum values get a did-you-mean fix.
 */
const DC0002 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC0002',
    aliases: ['invalid-schema'],
    severity: 'error',
    fixable: true,
    description: 'The compose file violates the Compose Specification (unknown key, wrong type, invalid value).',
    check(doc, ctx) {
        // A file that is not loadable YAML is DC0001's; judging half a document would only add noise.
        if (!(0,file/* isLoadable */.Zm)(doc))
            return;
        const model = (0,file/* fileModel */.q)(doc);
        const contents = doc.doc.contents;
        if (contents && !(0,dist/* isMap */.jh)(contents) && contents.range) {
            ctx.report({
                ...atSpan(doc, doc, contents.range[0], Math.max(contents.range[1], contents.range[0] + 1)),
                message: 'The top level of a compose file must be a mapping (services:, networks:, …).'
            });
            return;
        }
        if (model.layout === 'legacy') {
            const first = model.legacyKeys[0];
            ctx.report({
                ...atKey(doc, first),
                message: `Services at the top level ('${first.key}'${model.legacyKeys.length > 1 ? `, and ${model.legacyKeys.length - 1} more` : ''}) are the legacy v1 format, which Docker Compose v2 no longer reads: nest them under 'services:'.`
            });
        }
        for (const p of [...schemaProblems(model), ...valueProblems(model)]) {
            let fix;
            // `net: host` → `network_mode: host` would turn on host networking that Compose v2 ignores
            // today (DC1009 then flags it): a behaviour change, not a spelling fix.
            if (p.rename && p.doc === doc && !hostNetworkRename(doc, p.rename.node, p.rename.to)) {
                const edit = replaceScalar(doc, p.rename.node, p.rename.to);
                if (edit)
                    fix = {
                        description: `Replace with '${p.rename.to}'.`,
                        safe: true,
                        // The file breaks the spec as it is: Compose loads nothing to compare with.
                        effect: { kind: 'repair' },
                        edits: [edit]
                    };
            }
            ctx.report({ ...atSpan(doc, p.doc, p.start, p.end), message: p.message, fix: fix });
        }
    }
});
/** Does renaming this key give a service the host's network namespace? */
function hostNetworkRename(doc, key, to) {
    if (to !== 'network_mode' || !key.range)
        return false;
    const rest = doc.text.slice(key.range[1], doc.text.indexOf('\n', key.range[1]) >>> 0);
    return /^\s*:\s*["']?host\b/.test(rest);
}

// EXTERNAL MODULE: ./src/compose/project.ts
var compose_project = __webpack_require__(2909);
;// CONCATENATED MODULE: ./src/compose/service.ts



function locVal(val) {
    const [start, end] = (0,compose_model/* valSpan */.ch)(val);
    return { doc: val.doc, start, end };
}
function locKey(entry) {
    const r = entry.keyNode.range ?? [0, 0];
    return { doc: entry.doc, start: r[0], end: r[1] };
}
/** Memoise a reader per service value (rules and projects ask for the same parts repeatedly). */
function memo(fn) {
    const cache = new WeakMap();
    return (svc) => {
        let v = cache.get(svc);
        if (v === undefined) {
            v = fn(svc);
            cache.set(svc, v);
        }
        return v;
    };
}
/** `depends_on`, short (`[a, b]`) or long (`{a: {condition: …}}`) form. */
const dependencies = memo(readDependencies);
function readDependencies(svc) {
    const deps = (0,compose_model/* get */.Jt)(svc, 'depends_on');
    if (!deps)
        return [];
    if (deps.kind === 'seq') {
        return deps.items.flatMap((item) => {
            const name = (0,compose_model/* str */.gx)(item);
            return name === undefined
                ? []
                : [{ name, form: 'short', required: true, item, ...locVal(item) }];
        });
    }
    if (deps.kind !== 'map')
        return [];
    return [...deps.entries.values()].map((entry) => {
        // A short-form list merged as a map (override layers) keeps its items as values.
        const long = entry.value.kind === 'map';
        const condition = long ? (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(entry.value, 'condition')) : undefined;
        const required = !long || (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(entry.value, 'required')) !== 'false';
        return {
            name: entry.key,
            form: long ? 'long' : 'short',
            condition,
            required,
            entry,
            item: long ? undefined : entry.value,
            ...locKey(entry)
        };
    });
}
/** Names in a list-or-map value (`networks`, `models`): list items or map keys. */
function namesOf(val) {
    if (!val)
        return [];
    if (val.kind === 'seq')
        return val.items.flatMap((item) => {
            const name = (0,compose_model/* str */.gx)(item);
            return name === undefined ? [] : [{ name, ...locVal(item) }];
        });
    if (val.kind === 'map')
        return [...val.entries.values()].map((e) => ({ name: e.key, ...locKey(e) }));
    return [];
}
const WINDOWS_PATH = /^[A-Za-z]:[\\/]/;
/** Is a short-syntax volume source a host path (rather than a named volume)? */
function isHostPath(source) {
    return /^[./~$\\]/.test(source) || WINDOWS_PATH.test(source) || source.includes('/');
}
/** Service `volumes:` entries, short or long syntax. */
const mounts = memo(readMounts);
function readMounts(svc) {
    const vols = (0,compose_model/* get */.Jt)(svc, 'volumes');
    if (vols?.kind !== 'seq')
        return [];
    const out = [];
    for (const item of vols.items) {
        if (item.kind === 'map') {
            const type = (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(item, 'type')) ?? 'volume';
            out.push({
                type,
                source: (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(item, 'source')),
                target: (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(item, 'target')),
                readOnly: (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(item, 'read_only')) === 'true',
                val: item
            });
            continue;
        }
        const text = (0,compose_model/* str */.gx)(item);
        if (text === undefined)
            continue;
        let rest = text;
        let drive = '';
        if (WINDOWS_PATH.test(rest)) {
            drive = rest.slice(0, 2);
            rest = rest.slice(2);
        }
        const parts = (0,interpolation/* splitOutsideVariables */.d9)(rest, ':');
        if (parts.length === 1) {
            out.push({ type: 'volume', target: drive + parts[0], readOnly: false, val: item });
            continue;
        }
        const source = drive + parts[0];
        const mode = parts.slice(2).join(':');
        out.push({
            type: isHostPath(source) ? 'bind' : 'volume',
            source,
            target: parts[1],
            readOnly: /(^|,)ro(,|$)/.test(mode),
            val: item
        });
    }
    return out;
}
/** Service `ports:` entries, parsed. */
const ports = memo(readPorts);
function readPorts(svc) {
    const list = (0,compose_model/* get */.Jt)(svc, 'ports');
    if (list?.kind !== 'seq')
        return [];
    const out = [];
    for (const item of list.items) {
        if (item.kind === 'map') {
            out.push({
                spec: (0,compose_ports/* parseLongPort */.jz)({
                    target: (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(item, 'target')),
                    published: (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(item, 'published')),
                    host_ip: (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(item, 'host_ip')),
                    protocol: (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(item, 'protocol'))
                }),
                val: item
            });
        }
        else {
            const text = (0,compose_model/* str */.gx)(item);
            if (text !== undefined)
                out.push({ spec: (0,compose_ports/* parseShortPort */.nX)(text), val: item });
        }
    }
    return out;
}
/** `profiles:` names (empty = always active). */
function profiles(svc) {
    const p = (0,compose_model/* get */.Jt)(svc, 'profiles');
    if (p?.kind !== 'seq')
        return [];
    return p.items.map((i) => (0,compose_model/* str */.gx)(i)).filter((s) => s !== undefined);
}
/** Declared replica count (`deploy.replicas` or `scale`); undefined when unset or a variable. */
function replicas(svc) {
    for (const path of [['deploy', 'replicas'], ['scale']]) {
        const v = (0,compose_model/* getIn */.O6)(svc, path);
        const t = (0,compose_model/* str */.gx)(v);
        if (v && t !== undefined && !(0,interpolation/* hasVariable */.$u)(t) && /^\d+$/.test(t))
            return { count: Number(t), val: v };
    }
    return undefined;
}
/** Does the service define a healthcheck that is not disabled? */
function hasHealthcheck(svc) {
    const hc = (0,compose_model/* get */.Jt)(svc, 'healthcheck');
    if (!hc || hc.kind !== 'map')
        return false;
    if ((0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(hc, 'disable')) === 'true')
        return false;
    const test = (0,compose_model/* get */.Jt)(hc, 'test');
    if (test?.kind === 'seq' && (0,compose_model/* str */.gx)(test.items[0]) === 'NONE')
        return false;
    if (test?.kind === 'scalar' && (0,compose_model/* str */.gx)(test) === 'NONE')
        return false;
    // A block without `test` tunes the image's own HEALTHCHECK: still a healthcheck.
    return true;
}
/** The text of `command`/`entrypoint` (a list joined with spaces). */
function commandText(val) {
    if (!val)
        return undefined;
    if (val.kind === 'seq')
        return val.items.map((i) => (0,compose_model/* str */.gx)(i) ?? '').join(' ');
    return (0,compose_model/* str */.gx)(val);
}
/** A port entry as people read it: `'8080:80'`, or `published:target` for the long syntax. */
function portLabel(val) {
    if (val.kind === 'map') {
        const published = (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(val, 'published'));
        const target = (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(val, 'target')) ?? '?';
        const ip = (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(val, 'host_ip'));
        return `'${ip ? `${ip}:` : ''}${published ?? ''}${published !== undefined ? ':' : ''}${target}'`;
    }
    return `'${(0,compose_model/* str */.gx)(val) ?? ''}'`;
}

;// CONCATENATED MODULE: ./src/rules/compose/DC0003.ts







/**
 * References Compose resolves when it loads the project: services in `depends_on`, `links`,
 * `extends`, `network_mode`/`ipc`/`pid: service:x`, `volumes_from`; top-level networks, volumes,
 * secrets, configs and models; plus `depends_on` cycles and services with nothing to run.
 * Checked on the merged project (overrides, includes, extends), and only when the project is
 * complete: an override linted without its base has no way to know what the base defines.
 */
const DC0003 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC0003',
    severity: 'error',
    description: 'A reference to an undefined service, network, volume, secret, config or model, a depends_on cycle, or a service with neither image nor build.',
    check(doc, ctx) {
        if (!(0,file/* isLoadable */.Zm)(doc) || (0,file/* fileModel */.q)(doc).services.size === 0)
            return;
        const project = (0,compose_project/* projectOf */.v8)(doc, ctx.workspace);
        checkCycles(doc, ctx, project);
        if (!project.complete)
            return;
        const legacy = project.layers.some((l) => l.layout === 'legacy');
        for (const svc of (0,compose_project/* ownServices */.Xu)(project, doc)) {
            const s = svc.value;
            const undefinedService = (ref, via) => {
                if ((0,interpolation/* hasVariable */.$u)(ref.name) ||
                    project.services.has(ref.name) ||
                    project.elsewhere.services.has(ref.name))
                    return;
                ctx.report({
                    ...atSpan(doc, ref.doc, ref.start, ref.end),
                    message: `${via} of service '${svc.name}' names '${ref.name}', which is not a service of this project.`
                });
            };
            for (const dep of dependencies(s)) {
                if (dep.required)
                    undefinedService(dep, 'depends_on');
            }
            const links = (0,compose_model/* get */.Jt)(s, 'links');
            for (const link of links?.kind === 'seq' ? links.items : []) {
                const text = (0,compose_model/* str */.gx)(link);
                if (text !== undefined)
                    undefinedService(part(link, text, text.split(':')[0]), 'links');
            }
            for (const key of ['network_mode', 'ipc', 'pid']) {
                const v = (0,compose_model/* get */.Jt)(s, key);
                const t = (0,compose_model/* str */.gx)(v);
                if (v && t?.startsWith('service:'))
                    undefinedService({ ...loc(v), name: t.slice(8) }, key);
            }
            for (const from of namesOf((0,compose_model/* get */.Jt)(s, 'volumes_from'))) {
                if (!from.name.startsWith('container:'))
                    undefinedService({ ...from, name: from.name.split(':')[0] }, 'volumes_from');
            }
            const ext = (0,compose_model/* get */.Jt)(s, 'extends');
            const target = (0,compose_project/* extendsTarget */.hX)(ext);
            if (ext && target && !target.file) {
                const where = ext.kind === 'map' ? ((0,compose_model/* get */.Jt)(ext, 'service') ?? ext) : ext;
                undefinedService({ ...loc(where), name: target.service }, 'extends');
            }
            if (!hasRunnable(s, svc.name, project)) {
                const first = svc.layers[0];
                const at = locKey(first);
                ctx.report({
                    ...atSpan(doc, at.doc, at.start, at.end),
                    message: `Service '${svc.name}' has neither image nor build: Compose cannot create it.`
                });
            }
            if (legacy)
                continue;
            const resource = (kind, ref, via) => {
                if ((0,interpolation/* hasVariable */.$u)(ref.name) ||
                    project.resources.get(kind).has(ref.name) ||
                    project.elsewhere.resources.has(`${kind}:${ref.name}`))
                    return;
                if (kind === 'networks' && ref.name === 'default')
                    return;
                ctx.report({
                    ...atSpan(doc, ref.doc, ref.start, ref.end),
                    message: `${via} of service '${svc.name}' uses ${kind.slice(0, -1)} '${ref.name}', which is not declared under top-level '${kind}:'.`
                });
            };
            if (!(0,compose_model/* get */.Jt)(s, 'network_mode')) {
                for (const net of namesOf((0,compose_model/* get */.Jt)(s, 'networks')))
                    resource('networks', net, 'networks');
            }
            for (const m of mounts(s)) {
                if (m.type !== 'volume' || !m.source)
                    continue;
                const ref = m.val.kind === 'map'
                    ? { name: m.source, ...loc((0,compose_model/* get */.Jt)(m.val, 'source') ?? m.val) }
                    : part(m.val, (0,compose_model/* str */.gx)(m.val) ?? '', m.source);
                resource('volumes', ref, 'volumes');
            }
            for (const kind of ['secrets', 'configs']) {
                for (const ref of sources((0,compose_model/* get */.Jt)(s, kind)))
                    resource(kind, ref, kind);
            }
            for (const ref of sources((0,compose_model/* get */.Jt)((0,compose_model/* get */.Jt)(s, 'build'), 'secrets')))
                resource('secrets', ref, 'build.secrets');
            for (const ref of namesOf((0,compose_model/* get */.Jt)(s, 'models')))
                resource('models', ref, 'models');
        }
    }
});
function loc(val) {
    const [start, end] = (0,compose_model/* valSpan */.ch)(val);
    return { doc: val.doc, start, end };
}
/** A reference that is the leading `name` of a scalar like `name:rest` (located on the name only). */
function part(val, text, name) {
    const [start, end] = (0,compose_model/* subSpan */.zN)(val, text, 0, name.length);
    return { name, doc: val.doc, start, end };
}
/** `secrets:`/`configs:` items: `name` or `{source: name, target: …}`. */
function sources(val) {
    if (val?.kind !== 'seq')
        return [];
    return val.items.flatMap((item) => {
        const holder = item.kind === 'map' ? (0,compose_model/* get */.Jt)(item, 'source') : item;
        const name = (0,compose_model/* str */.gx)(holder);
        return holder && name !== undefined ? [{ name, ...loc(holder) }] : [];
    });
}
function hasRunnable(s, name, project) {
    if (['image', 'build', 'provider'].some((k) => (0,compose_model/* get */.Jt)(s, k) !== undefined))
        return true;
    const target = (0,compose_project/* extendsTarget */.hX)((0,compose_model/* get */.Jt)(s, 'extends'));
    // An extends that could not be resolved (file outside the workspace) may supply the image.
    return (target !== undefined &&
        (target.file !== undefined || !project.services.has(target.service) || target.service === name));
}
/** Names a cycle message spells out at most; a longer cycle shows its ends around a count. */
const CYCLE_NAMES = 12;
/** The cycle `path[from…]` back to `path[from]`, spelled out (its ends only when it is long). */
function spell(path, from) {
    const length = path.length - from + 1;
    const at = (k) => (k === length - 1 ? path[from] : path[from + k]);
    const names = (s, e) => Array.from({ length: e - s }, (_, k) => at(s + k)).join(' -> ');
    if (length <= CYCLE_NAMES)
        return names(0, length);
    const half = CYCLE_NAMES / 2;
    return `${names(0, half)} -> … (${length - CYCLE_NAMES} more) … -> ${names(length - half, length)}`;
}
/**
 * Report each `depends_on` edge that closes a cycle, at that edge, with the cycle spelled out.
 * A depth-first search with an explicit stack (a chain of 100,000 services is as deep as it gets,
 * far beyond the call stack), linear in services and edges.
 */
function checkCycles(doc, ctx, project) {
    const state = new Map();
    /** The path from the root: service names, and where each one stands in it. */
    const path = [];
    const onPath = new Map();
    const frames = [];
    const enter = (name) => {
        state.set(name, 1);
        onPath.set(name, path.length);
        path.push(name);
        const svc = project.services.get(name);
        frames.push({ deps: svc ? dependencies(svc.value) : [], next: 0 });
    };
    for (const root of project.services.keys()) {
        if (state.has(root))
            continue;
        enter(root);
        while (frames.length > 0) {
            const frame = frames[frames.length - 1];
            if (frame.next === frame.deps.length) {
                frames.pop();
                const name = path.pop();
                onPath.delete(name);
                state.set(name, 2);
                continue;
            }
            const dep = frame.deps[frame.next++];
            if (!project.services.has(dep.name))
                continue;
            const s = state.get(dep.name);
            if (s === 1) {
                ctx.report({
                    ...atSpan(doc, dep.doc, dep.start, dep.end),
                    message: `Dependency cycle: ${spell(path, onPath.get(dep.name))}. Compose refuses to start the project.`
                });
            }
            else if (s === undefined)
                enter(dep.name);
        }
    }
}

;// CONCATENATED MODULE: ./src/rules/compose/DC0004.ts


/**
 * A compose file that was not fully checked fails closed (src/core/not-checked.ts): reported by
 * the engine, like DR0001 for Dockerfiles; this rule gives the finding its id, severity and page.
 */
const DC0004 = (0,rules_define/* defineComposeRule */.gL)({
    id: not_checked/* NOT_CHECKED */.mI.compose,
    aliases: ['compose-not-fully-checked'],
    severity: 'error',
    description: 'The compose file was not fully checked (not read, binary, too large, or linting it failed), so the check cannot vouch for it.',
    check() {
        // reported by the engine
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/lib/services.ts



/** The services of the linted file itself (nothing from other files); none when it is not loadable. */
function localServices(doc) {
    if (!(0,file/* isLoadable */.Zm)(doc))
        return [];
    const out = [];
    for (const [name, entry] of (0,file/* fileModel */.q)(doc).services) {
        if (entry.value.kind === 'map')
            out.push({ name, entry, value: entry.value });
    }
    return out;
}
/** The merged project and the services the linted file defines (none when it is not loadable). */
function projectServices(doc, workspace) {
    if (!(0,file/* isLoadable */.Zm)(doc) || (0,file/* fileModel */.q)(doc).services.size === 0)
        return undefined;
    const project = (0,compose_project/* projectOf */.v8)(doc, workspace);
    return { project, services: (0,compose_project/* ownServices */.Xu)(project, doc) };
}
/** The definition of a service in the linted file (its key there), if it has one. */
function localLayer(svc, doc) {
    return svc.layers.find((l) => (0,file/* sameFile */.Vi)(l.doc, doc));
}
/** Services some other service waits on with `condition: service_completed_successfully`. */
function oneShotServices(services) {
    const out = new Set();
    for (const svc of services) {
        const deps = (0,compose_model/* get */.Jt)(svc.value, 'depends_on');
        if (deps?.kind !== 'map')
            continue;
        for (const [name, e] of deps.entries) {
            const cond = (0,compose_model/* get */.Jt)(e.value, 'condition');
            if (cond?.kind === 'scalar' && cond.value === 'service_completed_successfully')
                out.add(name);
        }
    }
    return out;
}
const oneShotCache = new WeakMap();
/** oneShotServices of a project, computed once (projects are shared by the files of an include). */
function oneShotOf(project) {
    let set = oneShotCache.get(project);
    if (!set) {
        set = oneShotServices(project.services.values());
        oneShotCache.set(project, set);
    }
    return set;
}
/**
 * The long-running services the linted file defines, merged with the rest of the project (one-shot
 * jobs that others wait to complete are left out), for rules about how a service runs.
 */
function eachRunningService(doc, ctx, visit) {
    const found = projectServices(doc, ctx.workspace);
    if (!found)
        return;
    const oneShot = oneShotOf(found.project);
    for (const svc of found.services)
        if (!oneShot.has(svc.name))
            visit(svc);
}

;// CONCATENATED MODULE: ./src/rules/compose/DC0005.ts






/** A remote build context: a URL or a git address (Compose sends it to BuildKit as is). */
const DC0005_REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i;
/**
 * Is `path` (workspace-relative) known to be absent? Only when its folder is listed and does not
 * name it: a workspace that cannot tell (a folder never read) is never taken as "missing".
 */
function knownMissing(workspace, path) {
    const listing = workspace.listDir((0,core_paths/* dirname */.pD)(path));
    return listing !== undefined && !listing.includes((0,core_paths/* basename */.P8)(path));
}
/** A literal path of the repository (no variable, not absolute, not leaving it), or undefined. */
function literalPath(val, fallback) {
    const text = val === undefined ? fallback : (0,compose_model/* str */.gx)(val);
    if (text === undefined || (0,interpolation/* hasVariable */.$u)(text) || DC0005_REMOTE.test(text) || text.startsWith('/'))
        return;
    return text;
}
/**
 * `docker compose build` fails at once when a service's build context folder or its Dockerfile is
 * not there ("unable to prepare context: path … not found", "failed to read dockerfile"). Reported
 * at the value that names it, only when the repository's listing proves it absent; variables,
 * remote contexts, absolute paths and `dockerfile_inline` are left alone.
 */
const DC0005 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC0005',
    aliases: ['build-context-missing'],
    severity: 'error',
    description: "A service's build context folder or Dockerfile does not exist in the repository: the build fails.",
    check(doc, ctx) {
        const here = (0,core_paths/* dirname */.pD)(doc.path);
        for (const svc of localServices(doc)) {
            const build = (0,compose_model/* get */.Jt)(svc.value, 'build');
            if (!build)
                continue;
            const contextVal = build.kind === 'scalar' ? build : (0,compose_model/* get */.Jt)(build, 'context');
            const context = literalPath(contextVal, '.');
            if (context === undefined)
                continue;
            const dir = (0,core_paths/* join */.fj)(here, context);
            if (dir.startsWith('..'))
                continue;
            if (dir !== '' && knownMissing(ctx.workspace, dir)) {
                ctx.report({
                    ...atValue(doc, contextVal ?? build),
                    message: `Service '${svc.name}' builds from \`${context}\`, which is not in the repository: the build fails.`
                });
                continue;
            }
            if (build.kind !== 'map' || (0,compose_model/* get */.Jt)(build, 'dockerfile_inline'))
                continue;
            const dockerfileVal = (0,compose_model/* get */.Jt)(build, 'dockerfile');
            const dockerfile = literalPath(dockerfileVal, 'Dockerfile');
            if (dockerfile === undefined)
                continue;
            const file = (0,core_paths/* join */.fj)(dir, dockerfile);
            if (file.startsWith('..') || !knownMissing(ctx.workspace, file))
                continue;
            ctx.report({
                ...atValue(doc, dockerfileVal ?? contextVal ?? build),
                message: `Service '${svc.name}' builds with \`${dockerfile}\`, which is not in its build context \`${context}\`: the build fails.`
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/compose/image.ts


/** A compose `image:` as written (variables are not substituted). */
function parseImage(raw) {
    const text = raw.trim();
    return { raw: text, expanded: text, unresolved: (0,interpolation/* hasVariable */.$u)(text), ...(0,parse_image/* splitImageRef */.l)(text, true) };
}
/** Registry and path (`registry:5000/team/app`): everything before the tag and digest. */
function repository(ref) {
    return ref.registry === undefined ? ref.name : `${ref.registry}/${ref.name}`;
}
/** Last path component, lower case (`postgres` for `docker.io/library/postgres`). */
function repoName(ref) {
    return ref.name.slice(ref.name.lastIndexOf('/') + 1).toLowerCase();
}
/** The tag (or the whole reference) comes from a variable: the tag is not statically known. */
function tagUnknown(ref) {
    return ((ref.tag !== undefined && (0,interpolation/* hasVariable */.$u)(ref.tag)) ||
        (0,interpolation/* hasVariable */.$u)(ref.name.slice(ref.name.lastIndexOf('/') + 1)) ||
        (ref.digest !== undefined && (0,interpolation/* hasVariable */.$u)(ref.digest)));
}

;// CONCATENATED MODULE: ./src/rules/compose/DC1001.ts






/** DCLint's default list of tags that move (`prohibitedTags` replaces it). */
const MUTABLE_TAGS = [
    'latest',
    'stable',
    'edge',
    'test',
    'nightly',
    'dev',
    'beta',
    'canary',
    'lts'
];
/**
 * Pulled images must be pinned: no tag (= `latest`) or a tag that moves. A digest pins whatever the
 * tag says; a tag (or whole reference) from a variable is not judged; a service that `build`s its
 * image names the build output with `image:`, which is not a pull.
 */
const DC1001 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1001',
    aliases: ['service-image-require-explicit-tag', 'require-explicit-image-tag', 'CL-0004'],
    severity: 'warning',
    description: 'A service image has no tag or a mutable tag such as latest; pin a version.',
    options: {
        type: 'object',
        additionalProperties: false,
        properties: { prohibitedTags: { type: 'array', items: { type: 'string' } } }
    },
    check(doc, ctx) {
        const options = (0,rules_define/* ruleOptions */.js)(ctx, 'DC1001');
        const prohibited = new Set((options.prohibitedTags ?? MUTABLE_TAGS).map((t) => t.toLowerCase()));
        for (const svc of localServices(doc)) {
            const image = (0,compose_model/* get */.Jt)(svc.value, 'image');
            const text = (0,compose_model/* str */.gx)(image);
            if (!image || text === undefined || (0,compose_model/* get */.Jt)(svc.value, 'build'))
                continue;
            const ref = parseImage(text);
            if (tagUnknown(ref) || ref.digest || repository(ref) === '')
                continue;
            if (ref.tag === undefined) {
                ctx.report({
                    ...atValue(doc, image),
                    message: `Service '${svc.name}' uses image '${text}' without a tag, which means ':latest' and changes under you; pin a version (e.g. '${repository(ref)}:<version>').`
                });
            }
            else if (prohibited.has(ref.tag.toLowerCase())) {
                ctx.report({
                    ...atValue(doc, image),
                    message: `Service '${svc.name}' uses image '${text}': the tag '${ref.tag}' moves; pin a version (or a digest).`
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC1002.ts








/** Entrypoints that poll a port instead of using Compose's own readiness (healthcheck). */
const WAIT_SCRIPT = /\b(wait-for-it(\.sh)?|wait-for(\.sh)?|dockerize\b[^\n]*\s-wait\b|wait4x|docker-compose-wait)\b/;
/**
 * `depends_on` in its short form only orders container start-up; when the dependency defines a
 * healthcheck, `condition: service_healthy` makes the dependent wait until it is ready. Also
 * flags wait-for-it / dockerize / wait-for entrypoints, which Compose's readiness replaces.
 */
const DC1002 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1002',
    severity: 'warning',
    fixable: true,
    description: 'depends_on in short form on a service that has a healthcheck (or a wait-for-it style entrypoint); use condition: service_healthy.',
    check(doc, ctx) {
        const found = projectServices(doc, ctx.workspace);
        if (!found)
            return;
        const { project, services } = found;
        const convention = shortFormConvention(project);
        for (const svc of services) {
            const layer = localLayer(svc, doc);
            const own = layer?.value.kind === 'map' ? layer.value.entries.get('depends_on') : undefined;
            const fix = own?.value.kind === 'seq' ? longFormFix(doc, own, own.value, project) : undefined;
            for (const dep of dependencies(svc.value)) {
                if (dep.form !== 'short')
                    continue;
                const target = project.services.get(dep.name);
                if (!target || !hasHealthcheck(target.value))
                    continue;
                const mine = fix && dep.item && own?.value.kind === 'seq' && own.value.items.includes(dep.item);
                const many = convention.get(dep.name);
                ctx.report({
                    ...atSpan(doc, dep.doc, dep.start, dep.end),
                    message: `'${svc.name}' starts as soon as the '${dep.name}' container starts, not when it is ready; '${dep.name}' has a healthcheck, so use 'condition: service_healthy'.${many ? ` (${many} services of this project depend on '${dep.name}' this way and none waits for a condition.)` : ''}`,
                    fix: mine ? fix : undefined,
                    // The project's own convention: one comment per service would repeat one point.
                    ...(many ? { precision: 'medium' } : {})
                });
            }
            for (const key of ['entrypoint', 'command']) {
                const val = (0,compose_model/* get */.Jt)(svc.value, key);
                const text = commandText(val);
                const m = text === undefined ? null : WAIT_SCRIPT.exec(text);
                if (!val || !m)
                    continue;
                ctx.report({
                    ...atValue(doc, val),
                    message: `'${svc.name}' waits for its dependencies with ${m[1]}; Compose can do this itself: give the dependency a healthcheck and use 'depends_on: {<service>: {condition: service_healthy}}'.`
                });
            }
        }
    }
});
/** Services depending short-form on one target before the convention counts as the project's. */
const CONVENTION = 3;
/**
 * Dependencies with a healthcheck that at least CONVENTION services of a project reach, all in
 * short form (no service waits for them with a condition): the project's convention for that
 * dependency (its services restart until it is up), not a slip in one service. Target → count.
 */
function shortFormConvention(project) {
    const counts = new Map();
    const waited = new Set();
    for (const svc of project.services.values()) {
        for (const dep of dependencies(svc.value)) {
            if (dep.form === 'short')
                counts.set(dep.name, (counts.get(dep.name) ?? 0) + 1);
            else
                waited.add(dep.name);
        }
    }
    for (const [name, n] of counts) {
        const target = project.services.get(name);
        if (n < CONVENTION || waited.has(name) || !target || !hasHealthcheck(target.value))
            counts.delete(name);
    }
    return counts;
}
/**
 * Rewrite a short-form `depends_on` list as the long form: `service_healthy` for dependencies
 * with a healthcheck, `service_started` (today's behaviour) for the others. Only the list's own
 * lines change.
 */
function longFormFix(doc, entry, seq, project) {
    if (!(0,file/* sameFile */.Vi)(seq.doc, doc) || !(0,file/* sameFile */.Vi)(entry.doc, doc) || seq.items.length === 0)
        return undefined;
    const names = [];
    for (const item of seq.items) {
        const name = (0,compose_model/* str */.gx)(item);
        if (!(0,file/* sameFile */.Vi)(item.doc, doc) || !(0,dist/* isScalar */.jn)(item.node) || name === undefined)
            return undefined;
        // Compose interpolates values, never keys: `- ${DB_HOST:-db}` as a key names no service.
        if (name.includes('$') || doc.text.slice(...(0,compose_model/* valSpan */.ch)(item)).includes('$'))
            return undefined;
        names.push(name);
    }
    // A name listed twice would become a duplicate key (the list itself breaks the spec: DC0002).
    if (new Set(names).size !== names.length)
        return undefined;
    const condition = (name) => {
        const target = project.services.get(name);
        return target && hasHealthcheck(target.value) ? 'service_healthy' : 'service_started';
    };
    const healthy = names.filter((n) => condition(n) === 'service_healthy');
    const description = `Use the long form of depends_on with condition: service_healthy for ${healthy.join(', ')} (the service then waits until ${healthy.length > 1 ? 'they report' : 'it reports'} healthy).`;
    const seqNode = seq.node;
    if (seqNode.flow) {
        const [start, end] = (0,compose_model/* valSpan */.ch)(seq);
        const parts = seq.items.map((item, i) => {
            const [s, e] = (0,compose_model/* valSpan */.ch)(item);
            return `${doc.text.slice(s, e)}: {condition: ${condition(names[i])}}`;
        });
        return {
            description,
            safe: false,
            edits: [replaceEdit(doc, start, end, `{${parts.join(', ')}}`)]
        };
    }
    const keyStart = entry.keyNode.range[0];
    const keyColumn = columnOf(doc, keyStart);
    const newline = eol(doc);
    const edits = [];
    for (let i = 0; i < seq.items.length; i++) {
        const [s, e] = (0,compose_model/* valSpan */.ch)(seq.items[i]);
        const from = lineStart(doc, s);
        const dash = doc.text.lastIndexOf('-', s - 1);
        if (dash < from || doc.text.slice(from, dash).trim() !== '')
            return undefined;
        const column = Math.max(columnOf(doc, dash), keyColumn + 2);
        const pad = ' '.repeat(column);
        edits.push(replaceEdit(doc, from, e, `${pad}${doc.text.slice(s, e)}:${newline}${pad}  condition: ${condition(names[i])}`));
    }
    return { description, safe: false, edits };
}

;// CONCATENATED MODULE: ./src/rules/compose/DC1003.ts




/**
 * A service others depend on, with no healthcheck: its dependents can only wait for its container
 * to start, not for it to be ready. Reported once, at the dependency's own name. Dependencies that
 * are one-shot jobs (`condition: service_completed_successfully`) are not expected to be healthy.
 */
const DC1003 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1003',
    severity: 'info',
    description: 'A service other services depend on has no healthcheck, so they cannot wait for it to be ready.',
    check(doc, ctx) {
        const found = projectServices(doc, ctx.workspace);
        if (!found)
            return;
        const { project } = found;
        // Sets keep insertion order: the dependents are named in file order, each once.
        const dependents = new Map();
        for (const svc of project.services.values()) {
            for (const dep of dependencies(svc.value)) {
                if (dep.condition === 'service_completed_successfully')
                    continue;
                const users = dependents.get(dep.name) ?? new Set();
                users.add(svc.name);
                dependents.set(dep.name, users);
            }
        }
        for (const svc of found.services) {
            const users = dependents.get(svc.name);
            if (!users || hasHealthcheck(svc.value))
                continue;
            const layer = svc.layers[0];
            if (localLayer(svc, doc) !== layer)
                continue;
            ctx.report({
                ...atKey(doc, layer),
                message: `'${svc.name}' is a dependency of ${[...users].map((u) => `'${u}'`).join(', ')} but defines no healthcheck, so they cannot wait until it is ready (depends_on condition: service_healthy).`
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC1004.ts




/**
 * A long-running service without a restart policy stays down after a crash or a host reboot.
 * Checked on the merged project (an override may add the policy); reported at the service's first
 * definition. One-shot services (others wait for them to complete) are exempt.
 */
const DC1004 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1004',
    severity: 'info',
    description: 'A service has no restart policy (restart: unless-stopped / on-failure, or deploy.restart_policy).',
    check(doc, ctx) {
        eachRunningService(doc, ctx, (svc) => {
            if ((0,compose_model/* get */.Jt)(svc.value, 'restart') || (0,compose_model/* get */.Jt)((0,compose_model/* get */.Jt)(svc.value, 'deploy'), 'restart_policy'))
                return;
            ctx.report({
                ...atKey(doc, svc.layers[0]),
                message: `Service '${svc.name}' has no restart policy: after a crash or a reboot it stays down. Add 'restart: unless-stopped' (or 'on-failure').`
            });
        });
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC1005.ts




/**
 * Without a memory or CPU limit one container can starve the host. Checked on the merged project;
 * reported at the service's first definition.
 */
const DC1005 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1005',
    aliases: ['CL-0026'],
    severity: 'info',
    description: 'A service sets no resource limits (deploy.resources.limits, mem_limit or cpus).',
    check(doc, ctx) {
        eachRunningService(doc, ctx, (svc) => {
            const v = svc.value;
            if ((0,compose_model/* get */.Jt)(v, 'mem_limit') || (0,compose_model/* get */.Jt)(v, 'cpus') || (0,compose_model/* getIn */.O6)(v, ['deploy', 'resources', 'limits']))
                return;
            ctx.report({
                ...atKey(doc, svc.layers[0]),
                message: `Service '${svc.name}' has no memory or CPU limit, so it can starve the host; set deploy.resources.limits (memory, cpus).`
            });
        });
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/lib/raw.ts


/**
 * The file's YAML as written (no anchors or merges resolved), for the style rules that are about
 * the text itself: ordering and quoting. Only loadable files are looked at.
 */
function keyOf(pair) {
    const k = pair.key;
    if (!(0,dist/* isScalar */.jn)(k))
        return undefined;
    return typeof k.value === 'symbol' ? '<<' : k.value === null ? '' : String(k.value);
}
function rawRoot(doc) {
    if (!(0,file/* isLoadable */.Zm)(doc))
        return undefined;
    const root = doc.doc.contents;
    return (0,dist/* isMap */.jh)(root) ? root : undefined;
}
function rawGet(map, key) {
    if (!(0,dist/* isMap */.jh)(map))
        return undefined;
    return map.items.find((p) => (0,dist/* isPair */.tO)(p) && keyOf(p) === key);
}
/** The raw map of service definitions (the top level itself in the legacy v1 layout). */
function rawServicesMap(doc) {
    const root = rawRoot(doc);
    if (!root)
        return undefined;
    const pair = rawGet(root, 'services');
    if (pair)
        return (0,dist/* isMap */.jh)(pair.value) ? pair.value : undefined;
    return (0,file/* fileModel */.q)(doc).layout === 'legacy' ? root : undefined;
}
/** Each service's raw mapping, with its name (legacy layout: only keys that hold services). */
function rawServices(doc) {
    const services = rawServicesMap(doc);
    if (!services)
        return [];
    const legacy = services === doc.doc.contents;
    const names = legacy ? new Set((0,file/* fileModel */.q)(doc).legacyKeys.map((e) => e.key)) : undefined;
    const out = [];
    for (const pair of services.items) {
        if (!(0,dist/* isPair */.tO)(pair) || !(0,dist/* isMap */.jh)(pair.value))
            continue;
        const name = keyOf(pair);
        if (name === undefined || (names && !names.has(name)))
            continue;
        out.push({ name, pair, map: pair.value });
    }
    return out;
}
function rawSeq(node) {
    return (0,dist/* isSeq */.oP)(node) ? node : undefined;
}

;// CONCATENATED MODULE: ./src/rules/compose/DC1006.ts




/** The obsolete top-level `version:` key (Compose v2 ignores it and warns). */
const DC1006 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1006',
    aliases: ['no-version-field'],
    severity: 'warning',
    fixable: true,
    description: 'The top-level `version` field is obsolete; remove it.',
    check(doc, ctx) {
        const root = rawRoot(doc);
        if (!root)
            return;
        for (const pair of root.items) {
            if (!(0,dist/* isScalar */.jn)(pair.key) || pair.key.value !== 'version')
                continue;
            const key = pair.key;
            const value = pair.value;
            const start = key.range[0];
            const end = (0,dist/* isScalar */.jn)(value) && value.range ? value.range[1] : key.range[1];
            ctx.report({
                message: 'The top-level `version` field is obsolete: Compose ignores it and prints a warning.',
                range: doc.rangeOf(start, end),
                fix: {
                    description: 'Delete the `version` line.',
                    safe: true,
                    // The whole line(s) of the pair, with a trailing comment and the line break.
                    edits: [deleteLines(doc, start, end)]
                }
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC1007.ts





/** Service keys whose blocks are worth sharing through an `x-` anchor when repeated. */
const SHAREABLE = new Set([
    'environment',
    'env_file',
    'logging',
    'healthcheck',
    'deploy',
    'labels',
    'ulimits',
    'build',
    'extra_hosts',
    'sysctls',
    'security_opt',
    'cap_add',
    'cap_drop',
    'volumes',
    'tmpfs',
    'dns'
]);
/** A block with fewer values (`networks: [a, b]`, two variables) is not worth an anchor. */
const MIN_NODES = 4;
const MAX_SKETCH_LINES = 8;
/**
 * The same block (environment, logging, healthcheck, deploy, …) copied verbatim into several
 * services: one edit then has to be made in several places. Reported once per block, at its first
 * copy, with the `x-` anchor refactor spelled out. Blocks already shared through an alias or a
 * `<<:` merge are not copies.
 */
const DC1007 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1007',
    severity: 'info',
    description: 'The same block is copied into several services; define it once as an x- anchor and reuse it.',
    check(doc, ctx) {
        const groups = new Map();
        // Nodes already in a group (an alias repeats a node; it is one block, not a copy).
        const grouped = new Set();
        for (const svc of localServices(doc)) {
            for (const [key, entry] of svc.value.entries) {
                if (!SHAREABLE.has(key) || entry.merged || entry.doc !== doc)
                    continue;
                const value = entry.value;
                if (value.kind === 'scalar' || value.doc !== doc)
                    continue;
                if ((0,compose_model/* expandedSize */.FA)(value) < MIN_NODES)
                    continue;
                const canonical = `${key}\u0000${JSON.stringify((0,compose_model/* toJS */.HO)(value))}`;
                const list = groups.get(canonical) ?? [];
                if (!grouped.has(value.node)) {
                    grouped.add(value.node);
                    list.push({ service: svc.name, entry });
                }
                groups.set(canonical, list);
            }
        }
        for (const copies of groups.values()) {
            if (copies.length < 2)
                continue;
            const [first, ...rest] = copies;
            const key = first.entry.key;
            const anchor = `${key.replace(/_/g, '-')}`;
            const block = blockLines(doc, first.entry);
            const sketch = [
                typeof block === 'string' ? `x-${anchor}: &${anchor} ${block}` : `x-${anchor}: &${anchor}`,
                ...(typeof block === 'string' ? [] : block),
                'services:',
                `  ${first.service}:`,
                `    ${key}: *${anchor}`
            ].join('\n');
            ctx.report({
                ...atKey(doc, first.entry),
                message: `The '${key}' block of '${first.service}' is repeated verbatim in ${rest.map((r) => `'${r.service}'`).join(', ')}. Define it once and reuse it:\n${sketch}`
            });
        }
    }
});
/** The block's source lines re-indented by two spaces, or the inline (flow) text as written. */
function blockLines(doc, entry) {
    const [start, end] = (0,compose_model/* valSpan */.ch)(entry.value);
    const from = lineStart(doc, start);
    if (doc.text.slice(from, start).trim() !== '') {
        // Flow or same-line value: keep it as written.
        return doc.text.slice(start, end).replace(/\r?\n\s*/g, ' ');
    }
    const lines = doc.text.slice(from, end).replace(/\r/g, '').split('\n');
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)[0].length));
    const out = lines.map((l) => `  ${l.slice(indent)}`);
    return out.length > MAX_SKETCH_LINES ? [...out.slice(0, MAX_SKETCH_LINES), '  …'] : out;
}

;// CONCATENATED MODULE: ./src/rules/compose/DC1008.ts







/** Variable names that hold credentials (the name ends with the secret word). */
const SECRET_NAME = /(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|SECRET_KEY|SECRET_KEY_BASE|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|CLIENT_SECRET|CREDENTIALS?|ENCRYPTION_KEY|SIGNING_KEY|MASTER_KEY)$/i;
/** Values that are settings about a secret (flags), not a secret. */
const DC1008_NOT_A_SECRET = /^(true|false|yes|no|on|off|null|none|~|0|1|)$/i;
/** `scheme://user:password@host` with a literal password. */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@/i;
/**
 * Credentials written into the compose file (which ends up in git): `POSTGRES_PASSWORD: hunter2`,
 * `- API_TOKEN=abc`, a literal fallback `${DB_PASS:-hunter2}`, or a URL with a password. The fix
 * replaces the literal with `${NAME:?}`, so the value comes from the environment or an
 * uncommitted `.env`, and Compose refuses to start without it.
 */
const DC1008 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1008',
    aliases: ['CL-0020', 'CL-0021'],
    severity: 'error',
    fixable: true,
    description: 'A literal secret (password, token, key) in the compose file; take it from the environment or secrets:.',
    check(doc, ctx) {
        for (const svc of localServices(doc)) {
            const env = (0,compose_model/* get */.Jt)(svc.value, 'environment');
            const pairs = [];
            if (env?.kind === 'map') {
                for (const [name, entry] of env.entries) {
                    const text = (0,compose_model/* str */.gx)(entry.value);
                    if (entry.value.kind === 'scalar' && text !== undefined)
                        pairs.push({ name, value: text, val: entry.value, offset: -1 });
                }
            }
            else if (env?.kind === 'seq') {
                for (const item of env.items) {
                    const text = (0,compose_model/* str */.gx)(item);
                    const eq = text?.indexOf('=') ?? -1;
                    if (item.kind === 'scalar' && text !== undefined && eq > 0)
                        pairs.push({
                            name: text.slice(0, eq).trim(),
                            value: text.slice(eq + 1),
                            val: item,
                            offset: eq + 1
                        });
                }
            }
            for (const p of pairs) {
                const verdict = judge(p.name, p.value);
                if (!verdict)
                    continue;
                const where = `'${p.name}' of service '${svc.name}'`;
                if (verdict.kind === 'url') {
                    ctx.report({
                        ...atValue(doc, p.val),
                        message: `${where} holds a URL with a literal password; take the password from the environment (\${VAR:?}) or use secrets:.`
                    });
                    continue;
                }
                const replacement = `\${${verdict.variable}:?}`;
                ctx.report({
                    ...atValue(doc, p.val),
                    message: verdict.kind === 'literal'
                        ? `${where} is a literal secret in the file; take it from the environment ('${replacement}') or use secrets:.`
                        : `${where} falls back to a literal secret when ${verdict.variable} is unset; require the variable instead ('${replacement}').`,
                    fix: fixFor(doc, p.val, p.offset, replacement, verdict.variable)
                });
            }
        }
    }
});
function judge(name, value) {
    if (SECRET_NAME.test(name)) {
        if (isLiteralSecret(value))
            return { kind: 'literal', variable: name };
        const { refs } = (0,interpolation/* scanVariables */.NQ)(value);
        const r = refs[0];
        if (refs.length === 1 &&
            r.start === 0 &&
            r.end === value.length &&
            (r.operator === ':-' || r.operator === '-') &&
            isLiteralSecret(r.argument))
            return { kind: 'default', variable: r.name };
    }
    const m = URL_CREDENTIALS.exec(value);
    return m && !(0,interpolation/* hasVariable */.$u)(m[1]) ? { kind: 'url' } : undefined;
}
function isLiteralSecret(value) {
    const v = value.trim();
    if (DC1008_NOT_A_SECRET.test(v) || (0,interpolation/* hasVariable */.$u)(v))
        return false;
    // A path to a secret file (`/run/secrets/db`, `./secrets/key`) is the recommended pattern.
    return !/^(\/|\.\/|~\/)/.test(v);
}
/** Replace the whole value (map form), or the part after `KEY=` (list form, `offset` ≥ 0). */
function fixFor(doc, val, offset, replacement, variable) {
    const node = val.node;
    if (val.doc !== doc || !(0,dist/* isScalar */.jn)(node))
        return undefined;
    const fix = (edit) => ({
        description: `Replace the literal with ${replacement} (set ${variable} in the environment or an uncommitted .env; Compose refuses to start without it).`,
        safe: false,
        edits: [edit]
    });
    if (offset < 0) {
        const style = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? node.type : 'PLAIN';
        const edit = replaceScalar(doc, node, replacement, style);
        return edit ? fix(edit) : undefined;
    }
    if (!spliceable(doc, node))
        return undefined;
    const [start, end] = (0,compose_model/* valSpan */.ch)(val);
    const quote = node.type === 'PLAIN' ? 0 : 1;
    return fix(replaceEdit(doc, start + quote + offset, end - quote, replacement));
}

;// CONCATENATED MODULE: ./src/rules/compose/DC1009.ts





/** Capabilities that amount to (or easily lead to) root on the host. */
const DANGEROUS_CAPS = new Set([
    'ALL',
    'SYS_ADMIN',
    'SYS_MODULE',
    'SYS_RAWIO',
    'SYS_PTRACE',
    'SYS_BOOT',
    'DAC_READ_SEARCH',
    'BPF'
]);
const SOCKET = /(^|\/)(docker|containerd|podman|crio|cri-dockerd)\.sock$|^\/(var\/)?run\/(docker|containerd)\/?$/;
/** Host paths whose (writable) mount gives the container the host. */
const HOST_ROOTS = /^\/(|proc|sys|boot|dev|etc|root|var\/lib\/docker|var\/lib\/containerd)\/?$/;
const DEVICES = /^\/dev\/(mem|kmem|port)(:|$)/;
const UNCONFINED = /^(seccomp|apparmor)[:=]unconfined$|^label[:=]disable$|^systempaths[:=]unconfined$/;
/**
 * Settings that hand the container the host: `privileged`, the Docker socket, host network/PID/
 * IPC/user namespaces, root-equivalent capabilities, disabled seccomp/AppArmor, host system paths
 * mounted writable, raw memory devices. Each is reported at the value that grants it.
 */
const DC1009 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1009',
    aliases: [
        'CL-0001',
        'CL-0002',
        'CL-0008',
        'CL-0009',
        'CL-0010',
        'CL-0011',
        'CL-0013',
        'CL-0016',
        'CL-0024',
        'CL-0025',
        'CL-0027'
    ],
    severity: 'warning',
    description: 'A service gets host-level access: privileged, the Docker socket, host namespaces, dangerous capabilities or host system paths.',
    check(doc, ctx) {
        for (const svc of localServices(doc)) {
            const s = svc.value;
            const name = svc.name;
            const privileged = (0,compose_model/* get */.Jt)(s, 'privileged');
            if ((0,compose_model/* isTrue */.Hn)(privileged))
                ctx.report({
                    ...atValue(doc, privileged),
                    message: `Service '${name}' runs privileged: every device and capability of the host; a compromise is a host compromise.`
                });
            for (const key of ['network_mode', 'pid', 'ipc', 'userns_mode', 'uts', 'cgroup']) {
                const v = (0,compose_model/* get */.Jt)(s, key);
                if (v && (0,compose_model/* str */.gx)(v) === 'host')
                    ctx.report({
                        ...atValue(doc, v),
                        message: `Service '${name}' shares the host's ${NAMESPACE[key]} namespace (${key}: host).`
                    });
            }
            for (const m of mounts(s)) {
                const source = m.source;
                if (!source || m.type !== 'bind')
                    continue;
                if (SOCKET.test(source) || SOCKET.test(m.target ?? '')) {
                    ctx.report({
                        ...atValue(doc, m.val),
                        message: `Service '${name}' mounts the container runtime socket (${source}): that is root on the host, read-only or not.`
                    });
                }
                else if (HOST_ROOTS.test(source) && !m.readOnly) {
                    ctx.report({
                        ...atValue(doc, m.val),
                        message: `Service '${name}' mounts the host's ${source} writable.`
                    });
                }
            }
            for (const cap of items((0,compose_model/* get */.Jt)(s, 'cap_add'))) {
                const text = ((0,compose_model/* str */.gx)(cap) ?? '').toUpperCase().replace(/^CAP_/, '');
                if (DANGEROUS_CAPS.has(text))
                    ctx.report({
                        ...atValue(doc, cap),
                        message: `Service '${name}' adds the ${text} capability, which is close to root on the host.`
                    });
            }
            for (const opt of items((0,compose_model/* get */.Jt)(s, 'security_opt'))) {
                const text = (0,compose_model/* str */.gx)(opt) ?? '';
                if (UNCONFINED.test(text))
                    ctx.report({
                        ...atValue(doc, opt),
                        message: `Service '${name}' disables a kernel confinement (${text}).`
                    });
            }
            for (const dev of items((0,compose_model/* get */.Jt)(s, 'devices'))) {
                const text = (0,compose_model/* str */.gx)(dev) ?? (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(dev, 'source')) ?? '';
                if (DEVICES.test(text))
                    ctx.report({
                        ...atValue(doc, dev),
                        message: `Service '${name}' maps ${text.split(':')[0]}, the host's raw memory or I/O ports.`
                    });
            }
        }
    }
});
const NAMESPACE = {
    network_mode: 'network',
    pid: 'process (PID)',
    ipc: 'IPC',
    userns_mode: 'user',
    uts: 'UTS (hostname)',
    cgroup: 'cgroup'
};
function items(val) {
    return val?.kind === 'seq' ? val.items : [];
}

;// CONCATENATED MODULE: ./src/rules/compose/DC1010.ts







/** Stateful images and where they keep their data (official images, plus common variants). */
const DATA_PATHS = [
    [
        /^(postgres|postgis|timescaledb(-ha|-postgis)?|pgvector)$/,
        ['/var/lib/postgresql/data', '/var/lib/postgresql', '/home/postgres/pgdata'],
        'PGDATA'
    ],
    [/^(mysql|mariadb|percona|percona-server|mysql-server)$/, ['/var/lib/mysql']],
    [/^(mongo|mongodb|mongodb-community-server)$/, ['/data/db']],
    [/^(elasticsearch|opensearch)$/, ['/usr/share/elasticsearch/data', '/usr/share/opensearch/data']],
    [/^rabbitmq$/, ['/var/lib/rabbitmq']],
    [/^influxdb$/, ['/var/lib/influxdb', '/var/lib/influxdb2']],
    [/^cassandra$/, ['/var/lib/cassandra']],
    [/^neo4j$/, ['/data']],
    [/^couchdb$/, ['/opt/couchdb/data']],
    [/^clickhouse(-server)?$/, ['/var/lib/clickhouse']],
    [/^cockroach$/, ['/cockroach/cockroach-data']]
];
/** Bitnami images keep everything under /bitnami/<name>. */
const BITNAMI = /^bitnami\/(postgresql|mysql|mariadb|mongodb|elasticsearch|rabbitmq|cassandra|influxdb|clickhouse)$/;
/**
 * A database whose data directory is not on a volume loses its data whenever the container is
 * re-created (`docker compose up` after an image change, `down`). Checked on the merged project
 * (an override may add the volume); a tmpfs on the data path counts as a deliberate choice.
 */
const DC1010 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1010',
    severity: 'warning',
    description: 'A stateful image (postgres, mysql, mariadb, mongo, …) has no volume on its data directory.',
    check(doc, ctx) {
        const found = projectServices(doc, ctx.workspace);
        if (!found)
            return;
        for (const svc of found.services) {
            const image = (0,compose_model/* get */.Jt)(svc.value, 'image');
            const text = (0,compose_model/* str */.gx)(image);
            if (!image || text === undefined || (0,compose_model/* get */.Jt)(svc.value, 'volumes_from'))
                continue;
            const ref = parseImage(text);
            if ((0,interpolation/* hasVariable */.$u)(repository(ref)))
                continue;
            const paths = dataPaths(repository(ref).toLowerCase(), repoName(ref));
            if (!paths)
                continue;
            const { dirs, envVar } = paths;
            const custom = envVar ? (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)((0,compose_model/* get */.Jt)(svc.value, 'environment'), envVar)) : undefined;
            const wanted = custom && !(0,interpolation/* hasVariable */.$u)(custom) ? [...dirs, custom] : dirs;
            const targets = [
                ...mounts(svc.value).map((m) => m.target),
                ...tmpfsTargets(svc.value)
            ].filter((t) => t !== undefined);
            const covered = targets.some((t) => (0,interpolation/* hasVariable */.$u)(t) || wanted.some((p) => related(t, p)));
            if (covered)
                continue;
            ctx.report({
                ...atValue(doc, image),
                message: `Service '${svc.name}' runs ${repoName(ref)} without a volume on ${dirs[0]}: its data is lost whenever the container is re-created. Mount a named volume there (e.g. '${repoName(ref)}-data:${dirs[0]}').`
            });
        }
    }
});
function dataPaths(name, repo) {
    const bitnami = BITNAMI.exec(name.replace(/^docker\.io\//, ''));
    if (bitnami)
        return { dirs: [`/bitnami/${bitnami[1]}`, '/bitnami'] };
    if (name.includes('mssql/server'))
        return { dirs: ['/var/opt/mssql'] };
    for (const [pattern, dirs, envVar] of DATA_PATHS) {
        if (pattern.test(repo))
            return envVar ? { dirs, envVar } : { dirs };
    }
    return undefined;
}
/** One path lies inside (or is) the other. */
function related(a, b) {
    const x = a.replace(/\/+$/, '') || '/';
    const y = b.replace(/\/+$/, '') || '/';
    return x === y || y.startsWith(`${x}/`) || x.startsWith(`${y}/`) || x === '/';
}
function tmpfsTargets(svc) {
    const t = (0,compose_model/* get */.Jt)(svc, 'tmpfs');
    const list = t?.kind === 'seq' ? t.items : t ? [t] : [];
    return list.map((i) => (0,compose_model/* str */.gx)(i)?.split(':')[0]).filter((s) => s !== undefined);
}

;// CONCATENATED MODULE: ./src/rules/compose/DC1011.ts







/**
 * Two services publishing the same host port: the second container fails to start. Compared on
 * the merged project (base + override, includes), as Docker binds: the same protocol, overlapping
 * port ranges, and host IPs that overlap (equal, or one of them on every interface). Not a
 * conflict: container-only ports (`"8080"` gets an ephemeral host port), a host range mapped to one
 * container port (Docker picks a free port in it), values from variables, services in disjoint
 * profiles (alternatives that are not started together).
 */
const DC1011 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1011',
    aliases: ['no-duplicate-exported-ports'],
    severity: 'error',
    description: 'Two services publish the same host port (same protocol and overlapping host IP).',
    check(doc, ctx) {
        const found = projectServices(doc, ctx.workspace);
        if (!found)
            return;
        const seen = [];
        for (const svc of found.project.services.values()) {
            const svcProfiles = profiles(svc.value);
            for (const { spec, val } of ports(svc.value)) {
                const published = spec.published;
                const target = spec.target;
                if (spec.error || !published || spec.hostIp === undefined)
                    continue;
                // A host range for one container port is a pool Docker picks from, not a fixed binding.
                if (published.end > published.start && target && target.end === target.start)
                    continue;
                const binding = {
                    service: svc.name,
                    profiles: svcProfiles,
                    ip: spec.hostIp,
                    protocol: spec.protocol,
                    start: published.start,
                    end: published.end,
                    val
                };
                const clash = seen.find((b) => conflicts(b, binding));
                if (clash) {
                    const lo = Math.max(clash.start, binding.start);
                    const hi = Math.min(clash.end, binding.end);
                    const portText = lo === hi ? `port ${lo}` : `ports ${lo}-${hi}`;
                    const other = clash.service === svc.name
                        ? 'another entry of the same service'
                        : `service '${clash.service}'`;
                    // Services of `include:`d or variant files are often alternatives that nobody starts
                    // together (mailhog or mailcatcher): say so, and keep it out of the inline comments
                    // (the check still fails on it).
                    const rival = found.project.services.get(clash.service);
                    const menu = rival !== undefined && (0,compose_project/* mayBeAlternatives */.$C)(found.project, rival, svc);
                    ctx.report({
                        ...atValue(doc, val.kind === 'map' ? ((0,compose_model/* get */.Jt)(val, 'published') ?? val) : val),
                        message: `Service '${svc.name}' publishes host ${portText}/${binding.protocol}${binding.ip ? ` on ${binding.ip}` : ''}, which ${other} already publishes${clash.ip ? ` on ${clash.ip}` : ''}; the second container cannot start.${menu ? ' If the two are alternatives that never run together, give them disjoint profiles.' : ''}`,
                        ...(menu ? { precision: 'low' } : {})
                    });
                }
                seen.push(binding);
            }
        }
    }
});
function conflicts(a, b) {
    if (a.protocol !== b.protocol)
        return false;
    if (a.end < b.start || b.end < a.start)
        return false;
    if (a.ip !== b.ip && !(0,compose_ports/* isAllInterfaces */.eW)(a.ip) && !(0,compose_ports/* isAllInterfaces */.eW)(b.ip))
        return false;
    // Alternatives: both services are behind profiles and share none.
    if (a.profiles.length > 0 &&
        b.profiles.length > 0 &&
        !a.profiles.some((p) => b.profiles.includes(p)))
        return false;
    return a.val !== b.val;
}

;// CONCATENATED MODULE: ./src/rules/compose/lib/bind-port.ts



/**
 * The edit that binds a published port to `ip`: short syntax gets the `IP:` prefix (`IP::target`
 * for a container-only port, which Docker would otherwise publish on a random port of every
 * interface), an explicit all-interfaces IP is replaced, and long syntax gets a `host_ip:` line
 * (or its value replaced). Undefined when the text cannot be edited in place.
 */
function bindPortFix(doc, val, ip, currentIp, ephemeral, description) {
    if (val.doc !== doc)
        return undefined;
    if (val.kind === 'scalar') {
        const node = val.node;
        if (!(0,dist/* isScalar */.jn)(node) || (typeof node.value === 'string' && !spliceable(doc, node)))
            return undefined;
        const text = String(node.value);
        let next;
        if (currentIp === '')
            next = ephemeral ? `${ip}::${text}` : `${ip}:${text}`;
        else
            next = [ip, ...text.split(':').slice(-2)].join(':');
        const style = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? node.type : 'PLAIN';
        const edit = replaceScalar(doc, node, next, style);
        return edit ? { description, safe: false, edits: [edit] } : undefined;
    }
    if (val.kind !== 'map' || val.node.flow)
        return undefined;
    const hostIp = (0,compose_model/* get */.Jt)(val, 'host_ip');
    if (hostIp) {
        if (hostIp.kind !== 'scalar' || !(0,dist/* isScalar */.jn)(hostIp.node) || hostIp.doc !== doc)
            return undefined;
        const edit = replaceScalar(doc, hostIp.node, ip);
        return edit ? { description, safe: false, edits: [edit] } : undefined;
    }
    const first = [...val.entries.values()][0];
    if (!first || first.doc !== doc || first.merged || !first.keyNode.range)
        return undefined;
    const column = columnOf(doc, first.keyNode.range[0]);
    return {
        description,
        safe: false,
        edits: [insertLinesAfter(doc, (0,compose_model/* contentEnd */.XA)(val.node), [`${' '.repeat(column)}host_ip: ${ip}`])]
    };
}

;// CONCATENATED MODULE: ./src/rules/compose/DC1012.ts









/** Images of databases, caches, brokers and admin UIs that should not face the network. */
const DATABASE_IMAGES = /^(postgres|postgis|timescaledb(-ha)?|pgvector|mysql|mariadb|percona(-server)?|mongo|mongodb|redis|valkey|keydb|memcached|elasticsearch|opensearch|rabbitmq|influxdb|cassandra|neo4j|couchdb|clickhouse(-server)?|cockroach|etcd|zookeeper|adminer|phpmyadmin|pgadmin4|mongo-express|redis-commander|redisinsight|kibana|minio)$/;
/** Their well-known container ports (for images we do not recognise by name). */
const DATABASE_PORTS = new Set([
    5432, 3306, 27017, 6379, 11211, 9200, 9300, 5672, 15672, 9042, 8086, 7474, 7687, 5984, 8123,
    26257, 2379, 1433, 1521
]);
const LOCALHOST = '127.0.0.1';
/**
 * A database, cache or admin port published on every interface: Docker's port publishing bypasses
 * host firewalls (ufw, firewalld), so the service faces the network. The fix binds it to
 * 127.0.0.1 (`"5432:5432"` → `"127.0.0.1:5432:5432"`, long syntax gets `host_ip: 127.0.0.1`);
 * other machines then lose access, so the fix is marked unsafe.
 */
const DC1012 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1012',
    aliases: ['CL-0005'],
    severity: 'info',
    fixable: true,
    description: 'A database or admin port is published on all interfaces; bind it to 127.0.0.1.',
    check(doc, ctx) {
        for (const svc of localServices(doc)) {
            const imageText = (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(svc.value, 'image'));
            const image = imageText && !(0,interpolation/* hasVariable */.$u)(imageText) ? parseImage(imageText) : undefined;
            const byImage = image !== undefined && DATABASE_IMAGES.test(repoName(image));
            for (const { spec, val } of ports(svc.value)) {
                if (spec.error || spec.hostIp === undefined || !(0,compose_ports/* isAllInterfaces */.eW)(spec.hostIp))
                    continue;
                if (spec.published === undefined)
                    continue;
                const target = spec.target;
                const byPort = target !== undefined && target.start === target.end && DATABASE_PORTS.has(target.start);
                if (!byImage && !byPort)
                    continue;
                const what = `${portLabel(val)} (${byImage ? repoName(image) : `port ${target.start}`})`;
                const how = spec.hostIp === '' ? 'on all interfaces' : `on ${spec.hostIp} (all interfaces)`;
                ctx.report({
                    ...atValue(doc, val),
                    message: `Service '${svc.name}' publishes ${what} ${how}; Docker's published ports bypass the host firewall. Bind it to ${LOCALHOST} unless other machines must reach it.`,
                    fix: bindPortFix(doc, val, LOCALHOST, spec.hostIp, spec.published === null, `Publish on ${LOCALHOST} only (other machines lose access).`)
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC1013.ts







/**
 * `container_name` names exactly one container: a service with more than one replica cannot be
 * created, and two services with the same name collide (Compose rejects both). Checked on the
 * merged project; the second definition of a name is the one reported.
 */
const DC1013 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1013',
    aliases: ['no-duplicate-container-names'],
    severity: 'error',
    description: 'container_name on a service with more than one replica, or the same container_name on two services.',
    check(doc, ctx) {
        const found = projectServices(doc, ctx.workspace);
        if (!found)
            return;
        const names = new Map();
        for (const svc of found.project.services.values()) {
            const nameVal = (0,compose_model/* get */.Jt)(svc.value, 'container_name');
            const name = (0,compose_model/* str */.gx)(nameVal);
            if (!nameVal || name === undefined || (0,interpolation/* hasVariable */.$u)(name))
                continue;
            const count = replicas(svc.value);
            if (count && count.count > 1) {
                ctx.report({
                    ...atValue(doc, nameVal),
                    message: `Service '${svc.name}' sets container_name '${name}' but asks for ${count.count} replicas; a container name is unique, so Compose refuses to scale it. Remove container_name.`
                });
            }
            const mine = profiles(svc.value);
            const earlier = (names.get(name) ?? []).find((o) => o.profiles.length === 0 || mine.length === 0 || o.profiles.some((p) => mine.includes(p)));
            if (earlier) {
                const menu = (0,compose_project/* mayBeAlternatives */.$C)(found.project, earlier.service, svc);
                ctx.report({
                    ...atValue(doc, nameVal),
                    message: `Service '${svc.name}' uses container_name '${name}', already used by service '${earlier.service.name}'; container names must be unique.${menu ? ' If the two are alternatives that never run together, give them disjoint profiles.' : ''}`,
                    ...(menu ? { precision: 'low' } : {})
                });
            }
            names.set(name, [...(names.get(name) ?? []), { service: svc, profiles: mine }]);
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC1014.ts




/**
 * Opt-in hardening hints, one finding per service listing what is missing: no-new-privileges
 * (setuid binaries cannot raise privileges), dropped capabilities (`cap_drop: [ALL]` and add back
 * what is needed), a read-only root filesystem. Checked on the merged project.
 */
const DC1014 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1014',
    aliases: ['CL-0003', 'CL-0006', 'CL-0007'],
    severity: 'info',
    enabledByDefault: false,
    description: 'Hardening hints: no-new-privileges, cap_drop: [ALL] and read_only are not set.',
    check(doc, ctx) {
        const found = projectServices(doc, ctx.workspace);
        if (!found)
            return;
        for (const svc of found.services) {
            const s = svc.value;
            const missing = [];
            const opts = (0,compose_model/* get */.Jt)(s, 'security_opt');
            const optList = opts?.kind === 'seq' ? opts.items.map((i) => ((0,compose_model/* str */.gx)(i) ?? '').replace(/\s/g, '')) : [];
            if (!optList.some((o) => /^no-new-privileges([:=]true)?$/.test(o)))
                missing.push("security_opt: ['no-new-privileges:true']");
            const drop = (0,compose_model/* get */.Jt)(s, 'cap_drop');
            const dropList = drop?.kind === 'seq' ? drop.items.map((i) => ((0,compose_model/* str */.gx)(i) ?? '').toUpperCase()) : [];
            if (!dropList.includes('ALL'))
                missing.push('cap_drop: [ALL]');
            if (!(0,compose_model/* isTrue */.Hn)((0,compose_model/* get */.Jt)(s, 'read_only')) && !(0,compose_model/* get */.Jt)(s, 'privileged'))
                missing.push('read_only: true');
            if (missing.length === 0)
                continue;
            ctx.report({
                ...atKey(doc, svc.layers[0]),
                message: `Service '${svc.name}' could be hardened with ${missing.join(', ')} (add back capabilities it needs with cap_add; mount writable paths as volumes or tmpfs).`
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC1015.ts




/**
 * Docker's default `json-file` log driver never rotates: a chatty container fills the disk. Set
 * `max-size` (and `max-file`), or use the `local` driver, which rotates by default. Checked on the
 * merged project; reported at the `logging` block when there is one, else at the service.
 */
const DC1015 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC1015',
    severity: 'info',
    description: 'A service logs with json-file (the default) without max-size, so its logs grow without bound.',
    check(doc, ctx) {
        eachRunningService(doc, ctx, (svc) => {
            const logging = svc.value.entries.get('logging');
            const driver = (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(logging?.value, 'driver'));
            if (driver !== undefined && driver !== 'json-file')
                return;
            if ((0,compose_model/* getIn */.O6)(logging?.value, ['options', 'max-size']))
                return;
            const message = `Service '${svc.name}' logs with json-file without 'max-size', so its log grows until the disk is full; set logging.options max-size (and max-file), or use the 'local' driver.`;
            if (logging)
                ctx.report({ ...atKey(doc, logging), message });
            else
                ctx.report({ ...atKey(doc, svc.layers[0]), message });
        });
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC2001.ts





/**
 * DCLint's no-build-and-image: a service with both `build` and `image`. Compose documents this as
 * the way to name the image it builds, and pulls `image` first unless `pull_policy: build` says
 * otherwise; DCLint accepts the pair when `pull_policy` is set (`checkPullPolicy`, default on).
 * Off by default: ambiguous only when the image name also exists in a registry.
 */
const DC2001 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC2001',
    aliases: ['no-build-and-image'],
    severity: 'warning',
    enabledByDefault: false,
    description: 'A service has both build and image without a pull_policy (DCLint no-build-and-image).',
    options: {
        type: 'object',
        additionalProperties: false,
        properties: { checkPullPolicy: { type: 'boolean' } }
    },
    check(doc, ctx) {
        const checkPullPolicy = (0,rules_define/* ruleOptions */.js)(ctx, 'DC2001').checkPullPolicy ?? true;
        for (const svc of localServices(doc)) {
            const build = svc.value.entries.get('build');
            if (!build || !(0,compose_model/* get */.Jt)(svc.value, 'image'))
                continue;
            if (checkPullPolicy && (0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(svc.value, 'pull_policy')) !== undefined)
                continue;
            ctx.report({
                ...atKey(doc, build),
                message: `Service '${svc.name}' has both build and image: Compose may pull '${(0,compose_model/* str */.gx)((0,compose_model/* get */.Jt)(svc.value, 'image')) ?? 'the image'}' instead of building it. Set 'pull_policy: build' (or never), or drop one of the two.`
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC2002.ts




/**
 * DCLint's no-quotes-in-volumes (style, off by default): quoted volume entries, and (as DCLint v4)
 * quoted `source`, `target` and `volume.subpath` in the long syntax. The fix drops the quotes when
 * the value reads the same unquoted.
 */
const DC2002 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC2002',
    aliases: ['no-quotes-in-volumes'],
    severity: 'style',
    fixable: true,
    enabledByDefault: false,
    description: 'A volume entry is quoted (DCLint no-quotes-in-volumes style rule).',
    check(doc, ctx) {
        for (const svc of rawServices(doc)) {
            const volumes = rawSeq(rawGet(svc.map, 'volumes')?.value);
            if (!volumes)
                continue;
            const report = (node) => {
                const r = node.range;
                ctx.report({
                    message: `Volume value ${doc.text.slice(r[0], r[1])} of service '${svc.name}' is quoted; write it without quotes.`,
                    range: doc.rangeOf(r[0], r[1]),
                    fix: unquote(doc, node)
                });
            };
            for (const item of volumes.items) {
                if (isQuoted(item))
                    report(item);
                else if ((0,dist/* isMap */.jh)(item)) {
                    for (const key of ['source', 'target']) {
                        const v = rawGet(item, key)?.value;
                        if (isQuoted(v))
                            report(v);
                    }
                    const sub = rawGet(rawGet(item, 'volume')?.value, 'subpath')?.value;
                    if (isQuoted(sub))
                        report(sub);
                }
            }
        }
    }
});
function isQuoted(node) {
    return ((0,dist/* isScalar */.jn)(node) &&
        (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') &&
        node.range !== undefined);
}
function unquote(doc, node) {
    const value = String(node.value);
    if (!isPlainSafe(value))
        return undefined;
    const r = node.range;
    return {
        description: 'Remove the quotes.',
        safe: true,
        edits: [replaceEdit(doc, r[0], r[1], value)]
    };
}

;// CONCATENATED MODULE: ./src/rules/compose/DC2003.ts







/**
 * DCLint's no-unbound-port-interfaces: every published port without an explicit host IP (short
 * syntax without `IP:`, long syntax without `host_ip`). Off by default: DC1012 reports the ports
 * that matter (databases, admin UIs) with a fix; this is the blanket policy.
 */
const DC2003 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC2003',
    aliases: ['no-unbound-port-interfaces'],
    severity: 'warning',
    fixable: true,
    enabledByDefault: false,
    description: 'A port is published without a host IP, so it listens on every interface (DCLint no-unbound-port-interfaces).',
    options: {
        type: 'object',
        additionalProperties: false,
        properties: {
            allowedIps: { type: 'array', items: { type: 'string' } },
            fallbackInterface: { type: 'string' }
        }
    },
    check(doc, ctx) {
        const options = (0,rules_define/* ruleOptions */.js)(ctx, 'DC2003');
        const allowed = options.allowedIps ?? [];
        const fallback = options.fallbackInterface;
        for (const svc of localServices(doc)) {
            for (const { spec, val } of ports(svc.value)) {
                if (spec.error || spec.hostIp === undefined || spec.published === undefined)
                    continue;
                const ip = spec.hostIp;
                if (ip !== '' && (allowed.length === 0 || allowed.includes(ip)))
                    continue;
                ctx.report({
                    ...atValue(doc, val),
                    message: ip === ''
                        ? `Service '${svc.name}' publishes ${portLabel(val)} without a host IP, so it listens on every interface; bind it to an address (e.g. 127.0.0.1:…).`
                        : `Service '${svc.name}' publishes ${portLabel(val)} on ${ip}, which is not an allowed host IP (${allowed.join(', ')}).`,
                    fix: fallback && (0,compose_ports/* isIp */.SC)(fallback) && ip === ''
                        ? bindPortFix(doc, val, fallback, ip, spec.published === null, `Bind the port to ${fallback}.`)
                        : undefined
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC2004.ts


/**
 * DCLint's require-project-name-field: no top-level `name:`, so the project name comes from the
 * folder name. Off by default: overrides and fragments never carry one, and some deployers
 * (Portainer) set it themselves.
 */
const DC2004 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC2004',
    aliases: ['require-project-name-field'],
    severity: 'info',
    enabledByDefault: false,
    description: 'The file has no top-level name (DCLint require-project-name-field).',
    check(doc, ctx) {
        if (!(0,file/* isLoadable */.Zm)(doc))
            return;
        const model = (0,file/* fileModel */.q)(doc);
        if (!model.root || model.root.entries.has('name'))
            return;
        ctx.report({
            message: "The file sets no top-level 'name:', so the project is named after its folder; set 'name: <project>' to make it explicit.",
            range: doc.rangeOf(0, 0)
        });
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC2005.ts





/**
 * DCLint's require-quotes-in-ports (style, off by default): `ports` and `expose` entries written as
 * plain scalars or with the other quote style. YAML 1.1 readers turn `22:22` into a base-60 number,
 * which is why some teams quote ports. Option `quoteType`: 'single' (default) or 'double'.
 */
const DC2005 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC2005',
    aliases: ['require-quotes-in-ports'],
    severity: 'style',
    fixable: true,
    enabledByDefault: false,
    description: 'A ports/expose entry is not quoted with the configured quote style (DCLint require-quotes-in-ports).',
    options: {
        type: 'object',
        additionalProperties: false,
        properties: { quoteType: { enum: ['single', 'double'] } }
    },
    check(doc, ctx) {
        const quoteType = (0,rules_define/* ruleOptions */.js)(ctx, 'DC2005').quoteType === 'double' ? 'double' : 'single';
        const style = quoteType === 'double' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
        for (const svc of rawServices(doc)) {
            for (const section of ['ports', 'expose']) {
                const list = rawSeq(rawGet(svc.map, section)?.value);
                for (const item of list?.items ?? []) {
                    // An empty item (`-` alone, `~`) is no port: DC0002 reports it; quoting made it 'null'.
                    if (!(0,dist/* isScalar */.jn)(item) || !item.range || item.type === style || item.value === null)
                        continue;
                    const node = item;
                    const r = node.range;
                    // A block scalar or a value written over several lines is no port entry (DC0002's):
                    // quoting it would need its continuation lines re-indented.
                    if (doc.text.slice(r[0], r[1]).includes('\n'))
                        continue;
                    ctx.report({
                        message: `${section} entry ${doc.text.slice(r[0], r[1])} of service '${svc.name}' should be in ${quoteType} quotes.`,
                        range: doc.rangeOf(r[0], r[1]),
                        fix: {
                            description: `Quote it with ${quoteType} quotes.`,
                            safe: true,
                            edits: [replaceEdit(doc, r[0], r[1], renderScalar(String(node.value), style))]
                        }
                    });
                }
            }
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC2006.ts






/** Docker's container name rule (the schema's copy of it is not anchored, so it lets `a@b` pass). */
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
/**
 * DCLint's service-container-name-regex: a `container_name` Docker rejects when it creates the
 * container. Option `containerNameRegex` (a RegExp or its source) replaces the pattern, as in
 * DCLint v4, for naming conventions.
 */
const DC2006 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC2006',
    aliases: ['service-container-name-regex', 'service-container-name-convention'],
    severity: 'error',
    description: 'A container_name that Docker rejects ([a-zA-Z0-9][a-zA-Z0-9_.-]+), or that breaks the configured convention.',
    options: {
        type: 'object',
        additionalProperties: false,
        properties: { containerNameRegex: { type: 'string' } }
    },
    check(doc, ctx) {
        const option = (0,rules_define/* ruleOptions */.js)(ctx, 'DC2006').containerNameRegex;
        const custom = option instanceof RegExp
            ? new RegExp(option.source, option.flags.replace(/[gy]/g, ''))
            : typeof option === 'string'
                ? new RegExp(option, 'u')
                : undefined;
        const pattern = custom ?? CONTAINER_NAME;
        for (const svc of localServices(doc)) {
            const v = (0,compose_model/* get */.Jt)(svc.value, 'container_name');
            const name = (0,compose_model/* str */.gx)(v);
            if (!v || name === undefined || (0,interpolation/* hasVariable */.$u)(name) || pattern.test(name))
                continue;
            ctx.report({
                ...atValue(doc, v),
                message: custom
                    ? `container_name '${name}' of service '${svc.name}' does not match the configured pattern ${custom}.`
                    : `container_name '${name}' of service '${svc.name}' is not a valid container name (letters, digits, '_', '.', '-'; starting with a letter or digit); Docker refuses to create it.`
            });
        }
    }
});

;// CONCATENATED MODULE: ./src/compose/reorder.ts



/**
 * Reordering the items of a block mapping or block sequence as ONE text edit that moves whole
 * lines: each item travels with the comment lines directly above it and its trailing comment;
 * blank-line separators stay where they were; nothing is re-printed. Returns undefined when the
 * collection cannot be reordered by moving lines (flow style, two items on one line, merge keys).
 */
/** Natural order: digit runs compare as numbers (`8:80` < `80:80` < `443` < `3000-3005`). */
function naturalCompare(a, b) {
    const ca = a.match(/\d+|\D+/g) ?? [];
    const cb = b.match(/\d+|\D+/g) ?? [];
    for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
        const x = ca[i];
        const y = cb[i];
        if (x === y)
            continue;
        const nx = /^\d/.test(x);
        const ny = /^\d/.test(y);
        if (nx && ny) {
            const d = Number(x) - Number(y);
            if (d !== 0)
                return d;
            return x.length - y.length;
        }
        return x < y ? -1 : 1;
    }
    return ca.length - cb.length;
}
/** First offset of an item: the key of a pair, the dash of a sequence item. */
function itemStart(doc, item, inSeq) {
    const node = ((0,dist/* isPair */.tO)(item) ? item.key : item);
    const start = node?.range?.[0];
    if (start === undefined)
        return undefined;
    if (!inSeq)
        return start;
    const dash = doc.text.lastIndexOf('-', start - 1);
    return dash >= lineStart(doc, start) ? dash : start;
}
const KEY_COLON = /^[ \t]*:/;
const BLANK_LINES = /^(?:[ \t]*\r?\n)*[ \t]*(?=\r?\n|$)/;
function keyEndOf(pair) {
    return pair.key?.range?.[1] ?? 0;
}
function itemEnd(item) {
    if ((0,dist/* isPair */.tO)(item)) {
        const keyEnd = keyEndOf(item);
        return item.value ? Math.max(keyEnd, (0,compose_model/* contentEnd */.XA)(item.value)) : keyEnd;
    }
    return (0,compose_model/* contentEnd */.XA)(item);
}
/**
 * The edit that puts the items of `node` in `order` (order[j] = index of the item to place j-th),
 * or undefined when it cannot be done by moving lines.
 */
function reorderEdit(doc, node, order, options) {
    if (node.flow || node.items.length < 2)
        return undefined;
    const inSeq = (0,dist/* isSeq */.oP)(node);
    if ((0,dist/* isMap */.jh)(node) && node.items.some((p) => (0,dist/* isPair */.tO)(p) && isMergePair(p)))
        return undefined;
    const text = doc.text;
    const starts = [];
    const ends = [];
    for (const item of node.items) {
        const s = itemStart(doc, item, inSeq);
        if (s === undefined || text.slice(lineStart(doc, s), s).trim() !== '')
            return undefined;
        // yaml also reads a key whose `:` comes on a later line (`\\\n  : |`); moved first, it is
        // an error. Only keys with their `:` on their own line move.
        if ((0,dist/* isPair */.tO)(item) && !KEY_COLON.test(text.slice(keyEndOf(item), nextLineStart(doc, s))))
            return undefined;
        starts.push(lineStart(doc, s));
        // A block scalar (`>-`, `|`) ends after its line break, at the start of the next line.
        const end = itemEnd(item);
        ends.push(end > 0 && text.charCodeAt(end - 1) === 10 ? end : nextLineStart(doc, end));
    }
    for (let i = 1; i < starts.length; i++)
        if (starts[i] < ends[i - 1])
            return undefined;
    const spans = [];
    // Item 0's own comment lines, directly above it (no blank line between), travel with it.
    let regionStart = starts[0];
    if (options.attachFirstComments) {
        let cur = starts[0];
        while (cur > 0) {
            const prev = lineStart(doc, cur - 1);
            if (!/^\s*#/.test(text.slice(prev, cur)))
                break;
            cur = prev;
        }
        regionStart = cur;
    }
    for (let i = 0; i < node.items.length; i++) {
        const from = i === 0 ? regionStart : ends[i - 1];
        const gap = text.slice(from, starts[i]);
        // Leading blank lines are a separator at this position; the rest (comments) belongs to the item.
        const m = /^(?:[ \t]*\r?\n)*/.exec(gap);
        spans.push({ lead: m[0], body: gap.slice(m[0].length) + text.slice(starts[i], ends[i]) });
    }
    if (!anchorsStayBeforeAliases(node.items, order))
        return undefined;
    const regionEnd = ends[ends.length - 1];
    // yaml reads a blank line holding a tab after `key:` (no value) as tab indentation, an error,
    // and after a scalar as nothing: the item before such a line must not change.
    const after = BLANK_LINES.exec(text.slice(regionEnd))?.[0] ?? '';
    if (after.includes('\t') || spans.some((span) => span.lead.includes('\t')))
        return undefined;
    const newline = eol(doc);
    const terminated = (s) => (/\n$/.test(s) ? s : s + newline);
    let out = '';
    order.forEach((from, j) => {
        out += (j === 0 ? '' : spans[j].lead) + terminated(spans[from].body);
    });
    out = spans[0].lead + out;
    if (!/\n$/.test(text.slice(regionStart, regionEnd)))
        out = out.replace(/\r?\n$/, '');
    if (out === text.slice(regionStart, regionEnd))
        return undefined;
    return replaceEdit(doc, regionStart, regionEnd, out);
}
/** Would every alias in the moved items still come after its anchor? */
function anchorsStayBeforeAliases(items, order) {
    const anchorsOf = [];
    const aliasesOf = [];
    for (const item of items) {
        const anchors = new Set();
        const aliases = new Set();
        (0,dist/* visit */.YR)(item, {
            Node(_key, n) {
                if ((0,dist/* isAlias */.Vj)(n))
                    aliases.add(n.source);
                else if (n.anchor)
                    anchors.add(n.anchor);
            }
        });
        anchorsOf.push(anchors);
        aliasesOf.push(aliases);
    }
    const local = new Set(anchorsOf.flatMap((a) => [...a]));
    const defined = new Set();
    for (const i of order) {
        for (const alias of aliasesOf[i]) {
            // An alias to an anchor defined by another moved item needs that item placed earlier.
            if (local.has(alias) && !defined.has(alias) && !anchorsOf[i].has(alias))
                return false;
        }
        for (const a of anchorsOf[i])
            defined.add(a);
    }
    return true;
}
function isMergePair(pair) {
    const key = pair.key;
    return typeof key?.value === 'symbol' || key?.value === '<<';
}
/** A stable sort permutation: indexes of `keys` in sorted order. */
function sortedOrder(keys, compare) {
    return keys
        .map((k, i) => ({ k, i }))
        .sort((a, b) => compare(a.k, b.k) || a.i - b.i)
        .map((x) => x.i);
}

;// CONCATENATED MODULE: ./src/rules/compose/lib/order.ts


function checkOrder(doc, ctx, node, items, compare, describe, attachFirstComments = true) {
    const misplaced = [];
    for (let i = 1; i < items.length; i++) {
        if (compare(items[i], items[i - 1]) < 0)
            misplaced.push([items[i], items[i - 1]]);
    }
    if (misplaced.length === 0)
        return;
    let fix;
    if (items.length === node.items.length && items.every((it, i) => it.index === i)) {
        const order = sortedOrder(items, compare).map((i) => items[i].index);
        const edit = reorderEdit(doc, node, order, { attachFirstComments });
        if (edit)
            fix = {
                description: 'Sort the entries (comments move with their entry).',
                safe: true,
                edits: [edit]
            };
    }
    for (const [item, previous] of misplaced) {
        const r = item.at.range;
        if (!r)
            continue;
        const range = doc.rangeOf(r[0], r[1]);
        ctx.report(fix
            ? { message: describe(item, previous), range, fix }
            : { message: describe(item, previous), range });
    }
}
/** The pairs of a raw map as ordered items (merge keys left out: they are not entries). */
function pairItems(map) {
    const out = [];
    map.items.forEach((pair, index) => {
        if (!(0,dist/* isPair */.tO)(pair))
            return;
        const k = pair.key;
        if (!k || typeof k.value === 'symbol' || k.value === '<<')
            return;
        out.push({ index, key: String(k.value), label: String(k.value), at: pair.key });
    });
    return out;
}

;// CONCATENATED MODULE: ./src/rules/compose/DC2007.ts





/** DCLint's service-dependencies-alphabetical-order (style, off by default). */
const DC2007 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC2007',
    aliases: ['service-dependencies-alphabetical-order', 'order-service-dependencies'],
    severity: 'style',
    fixable: true,
    enabledByDefault: false,
    description: 'depends_on entries are not in alphabetical order (DCLint style rule).',
    check(doc, ctx) {
        for (const svc of rawServices(doc)) {
            const deps = rawGet(svc.map, 'depends_on')?.value;
            let items = [];
            if ((0,dist/* isSeq */.oP)(deps)) {
                deps.items.forEach((item, index) => {
                    if ((0,dist/* isScalar */.jn)(item))
                        items.push({ index, label: String(item.value), at: item });
                });
            }
            else if ((0,dist/* isMap */.jh)(deps))
                items = pairItems(deps);
            else
                continue;
            checkOrder(doc, ctx, deps, items, (a, b) => naturalCompare(a.label, b.label), (item, prev) => `depends_on of service '${svc.name}': '${item.label}' should come before '${prev.label}' (alphabetical order).`);
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC2008.ts





/** DCLint's default key groups, in order; keys in no group come last, alphabetically ("Other"). */
const DEFAULT_GROUPS = {
    'Core Definitions': ['image', 'build', 'container_name'],
    'Service Dependencies': ['depends_on'],
    'Data Management and Configuration': ['volumes', 'volumes_from', 'configs', 'secrets'],
    'Environment Configuration': ['environment', 'env_file'],
    Networking: ['ports', 'networks', 'network_mode', 'extra_hosts'],
    'Runtime Behavior': ['command', 'entrypoint', 'working_dir', 'restart', 'healthcheck'],
    'Operational Metadata': ['logging', 'labels'],
    'Security and Execution Context': ['user', 'isolation']
};
const DEFAULT_ORDER = [...Object.keys(DEFAULT_GROUPS), 'Other'];
/**
 * DCLint's service-keys-order (style, off by default): keys of a service in group order (image,
 * build, container_name → depends_on → volumes… → environment… → ports… → command… → logging,
 * labels → user, isolation → everything else A–Z). `<<:` merge keys are not keys and are ignored.
 * Options `groups` (replaces named groups) and `groupOrder`, as in DCLint.
 */
const DC2008 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC2008',
    aliases: ['service-keys-order', 'order-service-properties'],
    severity: 'style',
    fixable: true,
    enabledByDefault: false,
    description: 'Keys of a service are not in the conventional group order (DCLint style rule).',
    options: {
        type: 'object',
        additionalProperties: false,
        properties: {
            groups: {
                type: 'object',
                additionalProperties: { type: 'array', items: { type: 'string' } }
            },
            groupOrder: { type: 'array', items: { type: 'string' } }
        }
    },
    check(doc, ctx) {
        const options = (0,rules_define/* ruleOptions */.js)(ctx, 'DC2008');
        const groups = { ...DEFAULT_GROUPS, ...(options.groups ?? {}) };
        const order = options.groupOrder ?? DEFAULT_ORDER;
        const rank = new Map();
        order.forEach((group, g) => {
            ;
            (groups[group] ?? []).forEach((key, k) => {
                if (!rank.has(key))
                    rank.set(key, [g, k]);
            });
        });
        const otherAt = order.includes('Other') ? order.indexOf('Other') : order.length;
        const rankOf = (key) => rank.get(key) ?? [otherAt, -1];
        const compare = (a, b) => {
            const [ga, ka] = rankOf(a.label);
            const [gb, kb] = rankOf(b.label);
            if (ga !== gb)
                return ga - gb;
            if (ka !== kb && ka >= 0 && kb >= 0)
                return ka - kb;
            return naturalCompare(a.label, b.label);
        };
        for (const svc of rawServices(doc)) {
            checkOrder(doc, ctx, svc.map, pairItems(svc.map), compare, (item, prev) => `Key '${item.label}' of service '${svc.name}' should come before '${prev.label}' (${groupName(item.label, order, groups)} comes earlier).`);
        }
    }
});
function groupName(key, order, groups) {
    const group = order.find((g) => (groups[g] ?? []).includes(key));
    return group ? `'${group}'` : 'its group';
}

;// CONCATENATED MODULE: ./src/rules/compose/DC2009.ts





/** The container port of a raw `ports` item, as text (`"80:$PORT"` → `$PORT`, long syntax: target). */
function containerPortText(item) {
    if ((0,dist/* isScalar */.jn)(item)) {
        const text = String(item.value);
        // Split outside variables: `${PORT:-80}` holds a colon.
        let depth = 0;
        let cut = -1;
        for (let i = 0; i < text.length; i++) {
            if (text[i] === '{' && text[i - 1] === '$')
                depth++;
            else if (text[i] === '}' && depth > 0)
                depth--;
            else if (text[i] === ':' && depth === 0)
                cut = i;
        }
        return text.slice(cut + 1).replace(/\/\w+$/, '');
    }
    if ((0,dist/* isMap */.jh)(item)) {
        const target = rawGet(item, 'target')?.value;
        return (0,dist/* isScalar */.jn)(target) ? String(target.value) : undefined;
    }
    return undefined;
}
/**
 * DCLint's service-ports-alphabetical-order (style, off by default), with DCLint v4's semantics:
 * `ports` sorted by container port, in natural order.
 */
const DC2009 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC2009',
    aliases: ['service-ports-alphabetical-order', 'order-service-ports'],
    severity: 'style',
    fixable: true,
    enabledByDefault: false,
    description: 'ports are not sorted by container port (DCLint style rule).',
    check(doc, ctx) {
        for (const svc of rawServices(doc)) {
            const ports = rawSeq(rawGet(svc.map, 'ports')?.value);
            if (!ports)
                continue;
            const items = [];
            ports.items.forEach((item, index) => {
                const label = containerPortText(item);
                if (label !== undefined && ((0,dist/* isScalar */.jn)(item) || (0,dist/* isMap */.jh)(item)))
                    items.push({ index, label, at: item });
            });
            checkOrder(doc, ctx, ports, items, (a, b) => naturalCompare(a.label, b.label), (item, prev) => `Port with container port ${item.label} of service '${svc.name}' should come before the one with ${prev.label} (ports sorted by container port).`);
        }
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC2010.ts




/** DCLint's services-alphabetical-order (style, off by default). */
const DC2010 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC2010',
    aliases: ['services-alphabetical-order', 'order-services'],
    severity: 'style',
    fixable: true,
    enabledByDefault: false,
    description: 'Services are not in alphabetical order (DCLint style rule).',
    check(doc, ctx) {
        const services = rawServicesMap(doc);
        if (!services || services === doc.doc.contents)
            return;
        checkOrder(doc, ctx, services, pairItems(services), (a, b) => naturalCompare(a.label, b.label), (item, prev) => `Service '${item.label}' should come before '${prev.label}' (alphabetical order).`);
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/DC2011.ts






/** DCLint's default order, with `models` (newer than DCLint's list) after `services`. */
const DEFAULT_TOP_LEVEL_ORDER = ['x-properties', ...file/* TOP_LEVEL_KEYS */.Uw];
/**
 * DCLint's top-level-properties-order (style, off by default): `x-` extensions (A–Z), version,
 * name, include, services, models, networks, volumes, secrets, configs; keys not in the order come
 * last, A–Z. Unlike DCLint 3.1.0, an unlisted key such as `models` is never dropped by the fix.
 */
const DC2011 = (0,rules_define/* defineComposeRule */.gL)({
    id: 'DC2011',
    aliases: ['top-level-properties-order', 'order-top-level-properties'],
    severity: 'style',
    fixable: true,
    enabledByDefault: false,
    description: 'Top-level keys are not in the conventional order (DCLint style rule).',
    options: {
        type: 'object',
        additionalProperties: false,
        properties: {
            order: { oneOf: [{ const: 'alphabetical' }, { type: 'array', items: { type: 'string' } }] },
            customOrder: { type: 'array', items: { type: 'string' } }
        }
    },
    check(doc, ctx) {
        const root = rawRoot(doc);
        if (!root)
            return;
        const options = (0,rules_define/* ruleOptions */.js)(ctx, 'DC2011');
        const order = options.order ?? options.customOrder ?? DEFAULT_TOP_LEVEL_ORDER;
        let compare;
        if (order === 'alphabetical')
            compare = (a, b) => naturalCompare(a.label, b.label);
        else {
            const rank = (key) => {
                const i = order.indexOf(key.startsWith('x-') ? 'x-properties' : key);
                return i === -1 ? order.length : i;
            };
            const byName = new Set([order.indexOf('x-properties'), order.length]);
            compare = (a, b) => {
                const ra = rank(a.label);
                const rb = rank(b.label);
                if (ra !== rb)
                    return ra - rb;
                return byName.has(ra) ? naturalCompare(a.label, b.label) : 0;
            };
        }
        checkOrder(doc, ctx, root, pairItems(root), compare, (item, prev) => `Top-level '${item.label}' should come before '${prev.label}'.`, false);
    }
});

;// CONCATENATED MODULE: ./src/rules/compose/index.ts































/** Every compose rule, sorted by id. A meta-test keeps this list, the files and docs/rules/ in step. */
const composeRules = [
    DC0001,
    DC0002,
    DC0003,
    DC0004,
    DC0005,
    DC1001,
    DC1002,
    DC1003,
    DC1004,
    DC1005,
    DC1006,
    DC1007,
    DC1008,
    DC1009,
    DC1010,
    DC1011,
    DC1012,
    DC1013,
    DC1014,
    DC1015,
    DC2001,
    DC2002,
    DC2003,
    DC2004,
    DC2005,
    DC2006,
    DC2007,
    DC2008,
    DC2009,
    DC2010,
    DC2011
];

;// CONCATENATED MODULE: ./src/rules/index.ts


/** BuildKit check names are CamelCase words (`JSONArgsRecommended`); other aliases are not. */
const BUILDKIT_NAME = /^[A-Z][A-Za-z]+$/;
function buildRegistry() {
    const metas = [...dockerfileRules, ...composeRules].map((r) => r.meta);
    const byId = new Map();
    const names = new Map();
    const buildkit = new Set();
    for (const meta of metas) {
        if (byId.has(meta.id))
            throw new Error(`duplicate rule id ${meta.id}`);
        byId.set(meta.id, meta);
        for (const name of [meta.id, ...meta.aliases]) {
            const key = name.toLowerCase();
            const owner = names.get(key);
            if (owner && owner !== meta.id)
                throw new Error(`name ${name} used by ${owner} and ${meta.id}`);
            names.set(key, meta.id);
        }
        if (meta.aliases.some((a) => BUILDKIT_NAME.test(a)))
            buildkit.add(meta.id);
    }
    return {
        dockerfile: dockerfileRules,
        compose: composeRules,
        metas,
        byId,
        buildkit,
        resolve: (name) => {
            if (/^SC\d{4}$/i.test(name))
                return name.toUpperCase();
            return names.get(name.toLowerCase());
        }
    };
}
const registry = buildRegistry();


/***/ }),

/***/ 525:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

/* eslint-disable */
// Generated by scripts/schema-validators.mjs (ajv 8.20.0 standalone) from src/parse/compose-spec.json. Do not edit.
module.exports = validate0;module.exports["default"] = validate0;const schema0 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"compose_spec.json","type":"object","title":"Compose Specification","description":"The Compose file is a YAML file defining a multi-containers based application.","properties":{"version":{"type":"string","deprecated":true,"description":"declared for backward compatibility, ignored. Please remove it."},"name":{"type":"string","description":"define the Compose project name, until user defines one explicitly."},"include":{"type":"array","items":{"$ref":"#/$defs/include"},"description":"compose sub-projects to be included."},"services":{"type":"object","patternProperties":{"^[a-zA-Z0-9._-]+$":{"$ref":"#/$defs/service"}},"additionalProperties":false,"description":"The services that will be used by your application."},"models":{"type":"object","patternProperties":{"^[a-zA-Z0-9._-]+$":{"$ref":"#/$defs/model"}},"description":"Language models that will be used by your application."},"networks":{"type":"object","patternProperties":{"^[a-zA-Z0-9._-]+$":{"$ref":"#/$defs/network"}},"description":"Networks that are shared among multiple services."},"volumes":{"type":"object","patternProperties":{"^[a-zA-Z0-9._-]+$":{"$ref":"#/$defs/volume"}},"additionalProperties":false,"description":"Named volumes that are shared among multiple services."},"secrets":{"type":"object","patternProperties":{"^[a-zA-Z0-9._-]+$":{"$ref":"#/$defs/secret"}},"additionalProperties":false,"description":"Secrets that are shared among multiple services."},"configs":{"type":"object","patternProperties":{"^[a-zA-Z0-9._-]+$":{"$ref":"#/$defs/config"}},"additionalProperties":false,"description":"Configurations that are shared among multiple services."}},"patternProperties":{"^x-":{}},"additionalProperties":false,"$defs":{"service":{"type":"object","description":"Configuration for a service.","properties":{"develop":{"$ref":"#/$defs/development"},"deploy":{"$ref":"#/$defs/deployment"},"annotations":{"$ref":"#/$defs/list_or_dict"},"attach":{"type":["boolean","string"]},"build":{"description":"Configuration options for building the service's image.","oneOf":[{"type":"string","description":"Path to the build context. Can be a relative path or a URL."},{"type":"object","properties":{"context":{"type":"string","description":"Path to the build context. Can be a relative path or a URL."},"dockerfile":{"type":"string","description":"Name of the Dockerfile to use for building the image."},"dockerfile_inline":{"type":"string","description":"Inline Dockerfile content to use instead of a Dockerfile from the build context."},"entitlements":{"type":"array","items":{"type":"string"},"description":"List of extra privileged entitlements to grant to the build process."},"args":{"$ref":"#/$defs/list_or_dict","description":"Build-time variables, specified as a map or a list of KEY=VAL pairs."},"ssh":{"$ref":"#/$defs/list_or_dict","description":"SSH agent socket or keys to expose to the build. Format is either a string or a list of 'default|<id>[=<socket>|<key>[,<key>]]'."},"labels":{"$ref":"#/$defs/list_or_dict","description":"Labels to apply to the built image."},"cache_from":{"type":"array","items":{"type":"string"},"description":"List of sources the image builder should use for cache resolution"},"cache_to":{"type":"array","items":{"type":"string"},"description":"Cache destinations for the build cache."},"no_cache":{"type":["boolean","string"],"description":"Do not use cache when building the image."},"no_cache_filter":{"$ref":"#/$defs/string_or_list","description":"Do not use build cache for the specified stages."},"additional_contexts":{"$ref":"#/$defs/list_or_dict","description":"Additional build contexts to use, specified as a map of name to context path or URL."},"network":{"type":"string","description":"Network mode to use for the build. Options include 'default', 'none', 'host', or a network name."},"provenance":{"type":["string","boolean"],"description":"Add a provenance attestation"},"sbom":{"type":["string","boolean"],"description":"Add a SBOM attestation"},"pull":{"type":["boolean","string"],"description":"Always attempt to pull a newer version of the image."},"target":{"type":"string","description":"Build stage to target in a multi-stage Dockerfile."},"shm_size":{"type":["integer","string"],"description":"Size of /dev/shm for the build container. A string value can use suffix like '2g' for 2 gigabytes."},"extra_hosts":{"$ref":"#/$defs/extra_hosts","description":"Add hostname mappings for the build container."},"isolation":{"type":"string","description":"Container isolation technology to use for the build process."},"privileged":{"type":["boolean","string"],"description":"Give extended privileges to the build container."},"secrets":{"$ref":"#/$defs/service_config_or_secret","description":"Secrets to expose to the build. These are accessible at build-time."},"tags":{"type":"array","items":{"type":"string"},"description":"Additional tags to apply to the built image."},"ulimits":{"$ref":"#/$defs/ulimits","description":"Override the default ulimits for the build container."},"platforms":{"type":"array","items":{"type":"string"},"description":"Platforms to build for, e.g., 'linux/amd64', 'linux/arm64', or 'windows/amd64'."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}]},"blkio_config":{"type":"object","description":"Block IO configuration for the service.","properties":{"device_read_bps":{"type":"array","description":"Limit read rate (bytes per second) from a device.","items":{"$ref":"#/$defs/blkio_limit"}},"device_read_iops":{"type":"array","description":"Limit read rate (IO per second) from a device.","items":{"$ref":"#/$defs/blkio_limit"}},"device_write_bps":{"type":"array","description":"Limit write rate (bytes per second) to a device.","items":{"$ref":"#/$defs/blkio_limit"}},"device_write_iops":{"type":"array","description":"Limit write rate (IO per second) to a device.","items":{"$ref":"#/$defs/blkio_limit"}},"weight":{"type":["integer","string"],"description":"Block IO weight (relative weight) for the service, between 10 and 1000."},"weight_device":{"type":"array","description":"Block IO weight (relative weight) for specific devices.","items":{"$ref":"#/$defs/blkio_weight"}}},"additionalProperties":false},"cap_add":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Add Linux capabilities. For example, 'CAP_SYS_ADMIN', 'SYS_ADMIN', or 'NET_ADMIN'."},"cap_drop":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Drop Linux capabilities. For example, 'CAP_SYS_ADMIN', 'SYS_ADMIN', or 'NET_ADMIN'."},"cgroup":{"type":"string","enum":["host","private"],"description":"Specify the cgroup namespace to join. Use 'host' to use the host's cgroup namespace, or 'private' to use a private cgroup namespace."},"cgroup_parent":{"type":"string","description":"Specify an optional parent cgroup for the container."},"command":{"$ref":"#/$defs/command","description":"Override the default command declared by the container image, for example 'CMD' in Dockerfile."},"configs":{"$ref":"#/$defs/service_config_or_secret","description":"Grant access to Configs on a per-service basis."},"container_name":{"type":"string","description":"Specify a custom container name, rather than a generated default name.","pattern":"[a-zA-Z0-9][a-zA-Z0-9_.-]+"},"cpu_count":{"oneOf":[{"type":"string"},{"type":"integer","minimum":0}],"description":"Number of usable CPUs."},"cpu_percent":{"oneOf":[{"type":"string"},{"type":"integer","minimum":0,"maximum":100}],"description":"Percentage of CPU resources to use."},"cpu_shares":{"type":["number","string"],"description":"CPU shares (relative weight) for the container."},"cpu_quota":{"type":["number","string"],"description":"Limit the CPU CFS (Completely Fair Scheduler) quota."},"cpu_period":{"type":["number","string"],"description":"Limit the CPU CFS (Completely Fair Scheduler) period."},"cpu_rt_period":{"type":["number","string"],"description":"Limit the CPU real-time period in microseconds or a duration."},"cpu_rt_runtime":{"type":["number","string"],"description":"Limit the CPU real-time runtime in microseconds or a duration."},"cpus":{"type":["number","string"],"description":"Number of CPUs to use. A floating-point value is supported to request partial CPUs."},"cpuset":{"type":"string","description":"CPUs in which to allow execution (0-3, 0,1)."},"credential_spec":{"type":"object","description":"Configure the credential spec for managed service account.","properties":{"config":{"type":"string","description":"The name of the credential spec Config to use."},"file":{"type":"string","description":"Path to a credential spec file."},"registry":{"type":"string","description":"Path to a credential spec in the Windows registry."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"depends_on":{"oneOf":[{"$ref":"#/$defs/list_of_strings"},{"type":"object","additionalProperties":false,"patternProperties":{"^[a-zA-Z0-9._-]+$":{"type":"object","additionalProperties":false,"patternProperties":{"^x-":{}},"properties":{"restart":{"type":["boolean","string"],"description":"Whether to restart dependent services when this service is restarted."},"required":{"type":"boolean","default":true,"description":"Whether the dependency is required for the dependent service to start."},"condition":{"type":"string","enum":["service_started","service_healthy","service_completed_successfully"],"description":"Condition to wait for. 'service_started' waits until the service has started, 'service_healthy' waits until the service is healthy (as defined by its healthcheck), 'service_completed_successfully' waits until the service has completed successfully."}},"required":["condition"]}}}],"description":"Express dependency between services. Service dependencies cause services to be started in dependency order. The dependent service will wait for the dependency to be ready before starting."},"device_cgroup_rules":{"$ref":"#/$defs/list_of_strings","description":"Add rules to the cgroup allowed devices list."},"devices":{"type":"array","description":"List of device mappings for the container.","items":{"oneOf":[{"type":"string"},{"type":"object","required":["source"],"properties":{"source":{"type":"string","description":"Path on the host to the device."},"target":{"type":"string","description":"Path in the container where the device will be mapped."},"permissions":{"type":"string","description":"Cgroup permissions for the device (rwm)."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}]}},"dns":{"$ref":"#/$defs/string_or_list","description":"Custom DNS servers to set for the service container."},"dns_opt":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Custom DNS options to be passed to the container's DNS resolver."},"dns_search":{"$ref":"#/$defs/string_or_list","description":"Custom DNS search domains to set on the service container."},"domainname":{"type":"string","description":"Custom domain name to use for the service container."},"entrypoint":{"$ref":"#/$defs/command","description":"Override the default entrypoint declared by the container image, for example 'ENTRYPOINT' in Dockerfile."},"env_file":{"$ref":"#/$defs/env_file","description":"Add environment variables from a file or multiple files. Can be a single file path or a list of file paths."},"label_file":{"$ref":"#/$defs/label_file","description":"Add metadata to containers using files containing Docker labels."},"environment":{"$ref":"#/$defs/list_or_dict","description":"Add environment variables. You can use either an array or a list of KEY=VAL pairs."},"expose":{"type":"array","items":{"type":["string","number"]},"uniqueItems":true,"description":"Expose ports without publishing them to the host machine - they'll only be accessible to linked services."},"extends":{"oneOf":[{"type":"string"},{"type":"object","properties":{"service":{"type":"string","description":"The name of the service to extend."},"file":{"type":"string","description":"The file path where the service to extend is defined."}},"required":["service"],"additionalProperties":false}],"description":"Extend another service, in the current file or another file."},"provider":{"type":"object","description":"Specify a service which will not be manage by Compose directly, and delegate its management to an external provider.","required":["type"],"properties":{"type":{"type":"string","description":"External component used by Compose to manage setup and teardown lifecycle of the service."},"options":{"type":"object","description":"Provider-specific options.","patternProperties":{"^.+$":{"oneOf":[{"type":["string","number","boolean"]},{"type":"array","items":{"type":["string","number","boolean"]}}]}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"external_links":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Link to services started outside this Compose application. Specify services as <service_name>:<alias>."},"extra_hosts":{"$ref":"#/$defs/extra_hosts","description":"Add hostname mappings to the container network interface configuration."},"gpus":{"$ref":"#/$defs/gpus","description":"Define GPU devices to use. Can be set to 'all' to use all GPUs, or a list of specific GPU devices."},"group_add":{"type":"array","items":{"type":["string","number"]},"uniqueItems":true,"description":"Add additional groups which user inside the container should be member of."},"healthcheck":{"$ref":"#/$defs/healthcheck","description":"Configure a health check for the container to monitor its health status."},"hostname":{"type":"string","description":"Define a custom hostname for the service container."},"image":{"type":"string","description":"Specify the image to start the container from. Can be a repository/tag, a digest, or a local image ID."},"init":{"type":["boolean","string"],"description":"Run as an init process inside the container that forwards signals and reaps processes."},"ipc":{"type":"string","description":"IPC sharing mode for the service container. Use 'host' to share the host's IPC namespace, 'service:[service_name]' to share with another service, or 'shareable' to allow other services to share this service's IPC namespace."},"isolation":{"type":"string","description":"Container isolation technology to use. Supported values are platform-specific."},"labels":{"$ref":"#/$defs/list_or_dict","description":"Add metadata to containers using Docker labels. You can use either an array or a list."},"links":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Link to containers in another service. Either specify both the service name and a link alias (SERVICE:ALIAS), or just the service name."},"logging":{"type":"object","description":"Logging configuration for the service.","properties":{"driver":{"type":"string","description":"Logging driver to use, such as 'json-file', 'syslog', 'journald', etc."},"options":{"type":"object","description":"Options for the logging driver.","patternProperties":{"^.+$":{"type":["string","number","null"]}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"mac_address":{"type":"string","description":"Container MAC address to set."},"mem_limit":{"type":["number","string"],"description":"Memory limit for the container. A string value can use suffix like '2g' for 2 gigabytes."},"mem_reservation":{"type":["string","integer"],"description":"Memory reservation for the container."},"mem_swappiness":{"type":["integer","string"],"description":"Container memory swappiness as percentage (0 to 100)."},"memswap_limit":{"type":["number","string"],"description":"Amount of memory the container is allowed to swap to disk. Set to -1 to enable unlimited swap."},"network_mode":{"type":"string","description":"Network mode. Values can be 'bridge', 'host', 'none', 'service:[service name]', or 'container:[container name]'."},"models":{"oneOf":[{"$ref":"#/$defs/list_of_strings"},{"type":"object","patternProperties":{"^[a-zA-Z0-9._-]+$":{"oneOf":[{"type":"object","properties":{"endpoint_var":{"type":"string","description":"Environment variable set to AI model endpoint."},"model_var":{"type":"string","description":"Environment variable set to AI model name."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},{"type":"null"}]}}}],"description":"AI Models to use, referencing entries under the top-level models key."},"networks":{"oneOf":[{"$ref":"#/$defs/list_of_strings"},{"type":"object","patternProperties":{"^[a-zA-Z0-9._-]+$":{"oneOf":[{"type":"object","properties":{"aliases":{"$ref":"#/$defs/list_of_strings","description":"Alternative hostnames for this service on the network."},"interface_name":{"type":"string","description":"Interface network name used to connect to network"},"ipv4_address":{"type":"string","description":"Specify a static IPv4 address for this service on this network."},"ipv6_address":{"type":"string","description":"Specify a static IPv6 address for this service on this network."},"link_local_ips":{"$ref":"#/$defs/list_of_strings","description":"List of link-local IPs."},"mac_address":{"type":"string","description":"Specify a MAC address for this service on this network."},"driver_opts":{"type":"object","description":"Driver options for this network.","patternProperties":{"^.+$":{"type":["string","number"]}}},"priority":{"type":"number","description":"Specify the priority for the network connection."},"gw_priority":{"type":"number","description":"Specify the gateway priority for the network connection."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},{"type":"null"}]}},"additionalProperties":false}],"description":"Networks to join, referencing entries under the top-level networks key. Can be a list of network names or a mapping of network name to network configuration."},"oom_kill_disable":{"type":["boolean","string"],"description":"Disable OOM Killer for the container."},"oom_score_adj":{"oneOf":[{"type":"string"},{"type":"integer","minimum":-1000,"maximum":1000}],"description":"Tune host's OOM preferences for the container (accepts -1000 to 1000)."},"pid":{"type":["string","null"],"description":"PID mode for container."},"pids_limit":{"type":["number","string"],"description":"Tune a container's PIDs limit. Set to -1 for unlimited PIDs."},"platform":{"type":"string","description":"Target platform to run on, e.g., 'linux/amd64', 'linux/arm64', or 'windows/amd64'."},"ports":{"type":"array","description":"Expose container ports. Short format ([HOST:]CONTAINER[/PROTOCOL]).","items":{"oneOf":[{"type":"number"},{"type":"string"},{"type":"object","properties":{"name":{"type":"string","description":"A human-readable name for this port mapping."},"mode":{"type":"string","description":"The port binding mode, either 'host' for publishing a host port or 'ingress' for load balancing."},"host_ip":{"type":"string","description":"The host IP to bind to."},"target":{"type":["integer","string"],"description":"The port inside the container."},"published":{"type":["string","integer"],"description":"The publicly exposed port."},"protocol":{"type":"string","description":"The port protocol (tcp or udp)."},"app_protocol":{"type":"string","description":"Application protocol to use with the port (e.g., http, https, mysql)."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}]},"uniqueItems":true},"pre_start":{"type":"array","items":{"$ref":"#/$defs/pre_start_hook"},"description":"Init containers to run to completion before the service container is started. Each step runs in its own ephemeral container, in declared order; a non-zero exit fails the bring-up of the service and its dependents."},"post_start":{"type":"array","items":{"$ref":"#/$defs/service_hook"},"description":"Commands to run after the container starts. If any command fails, the container stops."},"pre_stop":{"type":"array","items":{"$ref":"#/$defs/service_hook"},"description":"Commands to run before the container stops. If any command fails, the container stop is aborted."},"privileged":{"type":["boolean","string"],"description":"Give extended privileges to the service container."},"profiles":{"$ref":"#/$defs/list_of_strings","description":"List of profiles for this service. When profiles are specified, services are only started when the profile is activated."},"pull_policy":{"type":"string","pattern":"always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+","description":"Policy for pulling images. Options include: 'always', 'never', 'if_not_present', 'missing', 'build', or time-based refresh policies."},"pull_refresh_after":{"type":"string","description":"Time after which to refresh the image. Used with pull_policy=refresh."},"read_only":{"type":["boolean","string"],"description":"Mount the container's filesystem as read only."},"restart":{"type":"string","description":"Restart policy for the service container. Options include: 'no', 'always', 'on-failure', and 'unless-stopped'."},"runtime":{"type":"string","description":"Runtime to use for this container, e.g., 'runc'."},"scale":{"type":["integer","string"],"description":"Number of containers to deploy for this service."},"security_opt":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Override the default labeling scheme for each container."},"shm_size":{"type":["number","string"],"description":"Size of /dev/shm. A string value can use suffix like '2g' for 2 gigabytes."},"secrets":{"$ref":"#/$defs/service_config_or_secret","description":"Grant access to Secrets on a per-service basis."},"sysctls":{"$ref":"#/$defs/list_or_dict","description":"Kernel parameters to set in the container. You can use either an array or a list."},"stdin_open":{"type":["boolean","string"],"description":"Keep STDIN open even if not attached."},"stop_grace_period":{"type":"string","description":"Time to wait for the container to stop gracefully before sending SIGKILL (e.g., '1s', '1m30s')."},"stop_signal":{"type":"string","description":"Signal to stop the container (e.g., 'SIGTERM', 'SIGINT')."},"storage_opt":{"type":"object","description":"Storage driver options for the container."},"tmpfs":{"$ref":"#/$defs/string_or_list","description":"Mount a temporary filesystem (tmpfs) into the container. Can be a single value or a list."},"tty":{"type":["boolean","string"],"description":"Allocate a pseudo-TTY to service container."},"ulimits":{"$ref":"#/$defs/ulimits","description":"Override the default ulimits for a container."},"use_api_socket":{"type":"boolean","description":"Bind mount Docker API socket and required auth."},"user":{"type":"string","description":"Username or UID to run the container process as."},"uts":{"type":"string","description":"UTS namespace to use. 'host' shares the host's UTS namespace."},"userns_mode":{"type":"string","description":"User namespace to use. 'host' shares the host's user namespace."},"volumes":{"type":"array","description":"Mount host paths or named volumes accessible to the container. Short syntax (VOLUME:CONTAINER_PATH[:MODE])","items":{"oneOf":[{"type":"string"},{"type":"object","required":["type"],"properties":{"type":{"type":"string","enum":["bind","volume","tmpfs","cluster","npipe","image"],"description":"The mount type: bind for mounting host directories, volume for named volumes, tmpfs for temporary filesystems, cluster for cluster volumes, npipe for named pipes, or image for mounting from an image."},"source":{"type":"string","description":"The source of the mount, a path on the host for a bind mount, a docker image reference for an image mount, or the name of a volume defined in the top-level volumes key. Not applicable for a tmpfs mount."},"target":{"type":"string","description":"The path in the container where the volume is mounted."},"read_only":{"type":["boolean","string"],"description":"Flag to set the volume as read-only."},"consistency":{"type":"string","description":"The consistency requirements for the mount. Available values are platform specific."},"bind":{"type":"object","description":"Configuration specific to bind mounts.","properties":{"propagation":{"type":"string","description":"The propagation mode for the bind mount: 'shared', 'slave', 'private', 'rshared', 'rslave', or 'rprivate'."},"create_host_path":{"type":["boolean","string"],"description":"Create the host path if it doesn't exist."},"recursive":{"type":"string","enum":["enabled","disabled","writable","readonly"],"description":"Recursively mount the source directory."},"selinux":{"type":"string","enum":["z","Z"],"description":"SELinux relabeling options: 'z' for shared content, 'Z' for private unshared content."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"volume":{"type":"object","description":"Configuration specific to volume mounts.","properties":{"labels":{"$ref":"#/$defs/list_or_dict","description":"Labels to apply to the volume."},"nocopy":{"type":["boolean","string"],"description":"Flag to disable copying of data from a container when a volume is created."},"subpath":{"type":"string","description":"Path within the volume to mount instead of the volume root."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"tmpfs":{"type":"object","description":"Configuration specific to tmpfs mounts.","properties":{"size":{"oneOf":[{"type":"integer","minimum":0},{"type":"string"}],"description":"Size of the tmpfs mount in bytes."},"mode":{"type":["number","string"],"description":"File mode of the tmpfs in octal."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"image":{"type":"object","description":"Configuration specific to image mounts.","properties":{"subpath":{"type":"string","description":"Path within the image to mount instead of the image root."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}}]},"uniqueItems":true},"volumes_from":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Mount volumes from another service or container. Optionally specify read-only access (ro) or read-write (rw)."},"working_dir":{"type":"string","description":"The working directory in which the entrypoint or command will be run"}},"patternProperties":{"^x-":{}},"additionalProperties":false},"healthcheck":{"type":"object","description":"Configuration options to determine whether the container is healthy.","properties":{"disable":{"type":["boolean","string"],"description":"Disable any container-specified healthcheck. Set to true to disable."},"interval":{"type":"string","description":"Time between running the check (e.g., '1s', '1m30s'). Default: 30s."},"retries":{"type":["number","string"],"description":"Number of consecutive failures needed to consider the container as unhealthy. Default: 3."},"test":{"oneOf":[{"type":"string"},{"type":"array","items":{"type":"string"}}],"description":"The test to perform to check container health. Can be a string or a list. The first item is either NONE, CMD, or CMD-SHELL. If it's CMD, the rest of the command is exec'd. If it's CMD-SHELL, the rest is run in the shell."},"timeout":{"type":"string","description":"Maximum time to allow one check to run (e.g., '1s', '1m30s'). Default: 30s."},"start_period":{"type":"string","description":"Start period for the container to initialize before starting health-retries countdown (e.g., '1s', '1m30s'). Default: 0s."},"start_interval":{"type":"string","description":"Time between running the check during the start period (e.g., '1s', '1m30s'). Default: interval value."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"development":{"type":["object","null"],"description":"Development configuration for the service, used for development workflows.","properties":{"watch":{"type":"array","description":"Configure watch mode for the service, which monitors file changes and performs actions in response.","items":{"type":"object","required":["path","action"],"properties":{"ignore":{"$ref":"#/$defs/string_or_list","description":"Patterns to exclude from watching."},"include":{"$ref":"#/$defs/string_or_list","description":"Patterns to include in watching."},"path":{"type":"string","description":"Path to watch for changes."},"action":{"type":"string","enum":["rebuild","sync","restart","sync+restart","sync+exec"],"description":"Action to take when a change is detected: rebuild the container, sync files, restart the container, sync and restart, or sync and execute a command."},"target":{"type":"string","description":"Target path in the container for sync operations."},"exec":{"$ref":"#/$defs/service_hook","description":"Command to execute when a change is detected and action is sync+exec."},"initial_sync":{"type":"boolean","description":"Ensure that an initial synchronization is done before starting watch mode for sync+x triggers"}},"additionalProperties":false,"patternProperties":{"^x-":{}}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"deployment":{"type":["object","null"],"description":"Deployment configuration for the service.","properties":{"mode":{"type":"string","description":"Deployment mode for the service: 'replicated' (default) or 'global'."},"endpoint_mode":{"type":"string","description":"Endpoint mode for the service: 'vip' (default) or 'dnsrr'."},"replicas":{"type":["integer","string"],"description":"Number of replicas of the service container to run."},"labels":{"$ref":"#/$defs/list_or_dict","description":"Labels to apply to the service."},"rollback_config":{"type":"object","description":"Configuration for rolling back a service update.","properties":{"parallelism":{"type":["integer","string"],"description":"The number of containers to rollback at a time. If set to 0, all containers rollback simultaneously."},"delay":{"type":"string","description":"The time to wait between each container group's rollback (e.g., '1s', '1m30s')."},"failure_action":{"type":"string","description":"Action to take if a rollback fails: 'continue', 'pause'."},"monitor":{"type":"string","description":"Duration to monitor each task for failures after it is created (e.g., '1s', '1m30s')."},"max_failure_ratio":{"type":["number","string"],"description":"Failure rate to tolerate during a rollback."},"order":{"type":"string","enum":["start-first","stop-first"],"description":"Order of operations during rollbacks: 'stop-first' (default) or 'start-first'."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"update_config":{"type":"object","description":"Configuration for updating a service.","properties":{"parallelism":{"type":["integer","string"],"description":"The number of containers to update at a time."},"delay":{"type":"string","description":"The time to wait between updating a group of containers (e.g., '1s', '1m30s')."},"failure_action":{"type":"string","description":"Action to take if an update fails: 'continue', 'pause', 'rollback'."},"monitor":{"type":"string","description":"Duration to monitor each updated task for failures after it is created (e.g., '1s', '1m30s')."},"max_failure_ratio":{"type":["number","string"],"description":"Failure rate to tolerate during an update (0 to 1)."},"order":{"type":"string","enum":["start-first","stop-first"],"description":"Order of operations during updates: 'stop-first' (default) or 'start-first'."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"resources":{"type":"object","description":"Resource constraints and reservations for the service.","properties":{"limits":{"type":"object","description":"Resource limits for the service containers.","properties":{"cpus":{"type":["number","string"],"description":"Limit for how much of the available CPU resources, as number of cores, a container can use."},"memory":{"type":"string","description":"Limit on the amount of memory a container can allocate (e.g., '1g', '1024m')."},"pids":{"type":["integer","string"],"description":"Maximum number of PIDs available to the container."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"reservations":{"type":"object","description":"Resource reservations for the service containers.","properties":{"cpus":{"type":["number","string"],"description":"Reservation for how much of the available CPU resources, as number of cores, a container can use."},"memory":{"type":"string","description":"Reservation on the amount of memory a container can allocate (e.g., '1g', '1024m')."},"generic_resources":{"$ref":"#/$defs/generic_resources","description":"User-defined resources to reserve."},"devices":{"$ref":"#/$defs/devices","description":"Device reservations for the container."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"restart_policy":{"type":"object","description":"Restart policy for the service containers.","properties":{"condition":{"type":"string","description":"Condition for restarting the container: 'none', 'on-failure', 'any'."},"delay":{"type":"string","description":"Delay between restart attempts (e.g., '1s', '1m30s')."},"max_attempts":{"type":["integer","string"],"description":"Maximum number of restart attempts before giving up."},"window":{"type":"string","description":"Time window used to evaluate the restart policy (e.g., '1s', '1m30s')."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"placement":{"type":"object","description":"Constraints and preferences for the platform to select a physical node to run service containers","properties":{"constraints":{"type":"array","items":{"type":"string"},"description":"Placement constraints for the service (e.g., 'node.role==manager')."},"preferences":{"type":"array","description":"Placement preferences for the service.","items":{"type":"object","properties":{"spread":{"type":"string","description":"Spread tasks evenly across values of the specified node label."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}},"max_replicas_per_node":{"type":["integer","string"],"description":"Maximum number of replicas of the service."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"generic_resources":{"type":"array","description":"User-defined resources for services, allowing services to reserve specialized hardware resources.","items":{"type":"object","properties":{"discrete_resource_spec":{"type":"object","description":"Specification for discrete (countable) resources.","properties":{"kind":{"type":"string","description":"Type of resource (e.g., 'GPU', 'FPGA', 'SSD')."},"value":{"type":["number","string"],"description":"Number of resources of this kind to reserve."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}}},"devices":{"type":"array","description":"Device reservations for containers, allowing services to access specific hardware devices.","items":{"type":"object","properties":{"capabilities":{"$ref":"#/$defs/list_of_strings","description":"List of capabilities the device needs to have (e.g., 'gpu', 'compute', 'utility')."},"count":{"type":["string","integer"],"description":"Number of devices of this type to reserve."},"device_ids":{"$ref":"#/$defs/list_of_strings","description":"List of specific device IDs to reserve."},"driver":{"type":"string","description":"Device driver to use (e.g., 'nvidia')."},"options":{"$ref":"#/$defs/list_or_dict","description":"Driver-specific options for the device."}},"additionalProperties":false,"patternProperties":{"^x-":{}},"required":["capabilities"]}},"gpus":{"oneOf":[{"type":"string","enum":["all"],"description":"Use all available GPUs."},{"type":"array","description":"List of specific GPU devices to use.","items":{"type":"object","properties":{"capabilities":{"$ref":"#/$defs/list_of_strings","description":"List of capabilities the GPU needs to have (e.g., 'compute', 'utility')."},"count":{"type":["string","integer"],"description":"Number of GPUs to use."},"device_ids":{"$ref":"#/$defs/list_of_strings","description":"List of specific GPU device IDs to use."},"driver":{"type":"string","description":"GPU driver to use (e.g., 'nvidia')."},"options":{"$ref":"#/$defs/list_or_dict","description":"Driver-specific options for the GPU."}}},"additionalProperties":false,"patternProperties":{"^x-":{}}}]},"include":{"description":"Compose application or sub-projects to be included.","oneOf":[{"type":"string"},{"type":"object","properties":{"path":{"$ref":"#/$defs/string_or_list","description":"Path to the Compose application or sub-project files to include."},"env_file":{"$ref":"#/$defs/string_or_list","description":"Path to the environment files to use to define default values when interpolating variables in the Compose files being parsed."},"project_directory":{"type":"string","description":"Path to resolve relative paths set in the Compose file"}},"additionalProperties":false}]},"network":{"type":["object","null"],"description":"Network configuration for the Compose application.","properties":{"name":{"type":"string","description":"Custom name for this network."},"driver":{"type":"string","description":"Specify which driver should be used for this network. Default is 'bridge'."},"driver_opts":{"type":"object","description":"Specify driver-specific options defined as key/value pairs.","patternProperties":{"^.+$":{"type":["string","number"]}}},"ipam":{"type":"object","description":"Custom IP Address Management configuration for this network.","properties":{"driver":{"type":"string","description":"Custom IPAM driver, instead of the default."},"config":{"type":"array","description":"List of IPAM configuration blocks.","items":{"type":"object","properties":{"subnet":{"type":"string","description":"Subnet in CIDR format that represents a network segment."},"ip_range":{"type":"string","description":"Range of IPs from which to allocate container IPs."},"gateway":{"type":"string","description":"IPv4 or IPv6 gateway for the subnet."},"aux_addresses":{"type":"object","description":"Auxiliary IPv4 or IPv6 addresses used by Network driver.","additionalProperties":false,"patternProperties":{"^.+$":{"type":"string"}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}}},"options":{"type":"object","description":"Driver-specific options for the IPAM driver.","additionalProperties":false,"patternProperties":{"^.+$":{"type":"string"}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"external":{"type":["boolean","string","object"],"description":"Specifies that this network already exists and was created outside of Compose.","properties":{"name":{"deprecated":true,"type":"string","description":"Specifies the name of the external network. Deprecated: use the 'name' property instead."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"internal":{"type":["boolean","string"],"description":"Create an externally isolated network."},"enable_ipv4":{"type":["boolean","string"],"description":"Enable IPv4 networking."},"enable_ipv6":{"type":["boolean","string"],"description":"Enable IPv6 networking."},"attachable":{"type":["boolean","string"],"description":"If true, standalone containers can attach to this network."},"labels":{"$ref":"#/$defs/list_or_dict","description":"Add metadata to the network using labels."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"volume":{"type":["object","null"],"description":"Volume configuration for the Compose application.","properties":{"name":{"type":"string","description":"Custom name for this volume."},"driver":{"type":"string","description":"Specify which volume driver should be used for this volume."},"driver_opts":{"type":"object","description":"Specify driver-specific options.","patternProperties":{"^.+$":{"type":["string","number"]}}},"external":{"type":["boolean","string","object"],"description":"Specifies that this volume already exists and was created outside of Compose.","properties":{"name":{"deprecated":true,"type":"string","description":"Specifies the name of the external volume. Deprecated: use the 'name' property instead."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"labels":{"$ref":"#/$defs/list_or_dict","description":"Add metadata to the volume using labels."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"secret":{"type":"object","description":"Secret configuration for the Compose application.","properties":{"name":{"type":"string","description":"Custom name for this secret."},"environment":{"type":"string","description":"Name of an environment variable from which to get the secret value."},"file":{"type":"string","description":"Path to a file containing the secret value."},"external":{"type":["boolean","string","object"],"description":"Specifies that this secret already exists and was created outside of Compose.","properties":{"name":{"type":"string","description":"Specifies the name of the external secret."}}},"labels":{"$ref":"#/$defs/list_or_dict","description":"Add metadata to the secret using labels."},"driver":{"type":"string","description":"Specify which secret driver should be used for this secret."},"driver_opts":{"type":"object","description":"Specify driver-specific options.","patternProperties":{"^.+$":{"type":["string","number"]}}},"template_driver":{"type":"string","description":"Driver to use for templating the secret's value."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"config":{"type":"object","description":"Config configuration for the Compose application.","properties":{"name":{"type":"string","description":"Custom name for this config."},"content":{"type":"string","description":"Inline content of the config."},"environment":{"type":"string","description":"Name of an environment variable from which to get the config value."},"file":{"type":"string","description":"Path to a file containing the config value."},"external":{"type":["boolean","string","object"],"description":"Specifies that this config already exists and was created outside of Compose.","properties":{"name":{"deprecated":true,"type":"string","description":"Specifies the name of the external config. Deprecated: use the 'name' property instead."}}},"labels":{"$ref":"#/$defs/list_or_dict","description":"Add metadata to the config using labels."},"template_driver":{"type":"string","description":"Driver to use for templating the config's value."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"model":{"type":"object","description":"Language Model for the Compose application.","properties":{"name":{"type":"string","description":"Custom name for this model."},"model":{"type":"string","description":"Language Model to run."},"context_size":{"type":"integer"},"runtime_flags":{"type":"array","items":{"type":"string"},"description":"Raw runtime flags to pass to the inference engine."}},"required":["model"],"additionalProperties":false,"patternProperties":{"^x-":{}}},"command":{"oneOf":[{"type":"null","description":"No command specified, use the container's default command."},{"type":"string","description":"Command as a string, which will be executed in a shell (e.g., '/bin/sh -c')."},{"type":"array","description":"Command as an array of strings, which will be executed directly without a shell.","items":{"type":"string","description":"Part of the command (executable or argument)."}}],"description":"Command to run in the container, which can be specified as a string (shell form) or array (exec form)."},"service_hook":{"type":"object","description":"Configuration for service lifecycle hooks, which are commands executed at specific points in a container's lifecycle.","properties":{"command":{"$ref":"#/$defs/command","description":"Command to execute as part of the hook."},"user":{"type":"string","description":"User to run the command as."},"privileged":{"type":["boolean","string"],"description":"Whether to run the command with extended privileges."},"working_dir":{"type":"string","description":"Working directory for the command."},"environment":{"$ref":"#/$defs/list_or_dict","description":"Environment variables for the command."}},"additionalProperties":false,"patternProperties":{"^x-":{}},"required":["command"]},"pre_start_hook":{"type":"object","description":"Configuration for a pre_start init container, run to completion before the service container starts.","properties":{"command":{"$ref":"#/$defs/command","description":"Command to execute. Optional when the chosen image's entrypoint already runs the intended command."},"image":{"type":"string","description":"Image used for the ephemeral container. If omitted, the parent service's image is used."},"user":{"type":"string","description":"User to run the command as. Defaults to the user declared in image (or to the service's user when image is omitted)."},"privileged":{"type":["boolean","string"],"description":"Whether to run the command with extended privileges."},"working_dir":{"type":"string","description":"Working directory for the command. Defaults to the service's working directory."},"environment":{"$ref":"#/$defs/list_or_dict","description":"Environment variables for the command. Appended to or overriding the service environment."},"per_replica":{"type":["boolean","string"],"description":"Whether the hook runs once per service replica (true), or once for the service as a whole before any replica starts (false, the default)."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"env_file":{"oneOf":[{"type":"string","description":"Path to a file containing environment variables."},{"type":"array","description":"List of paths to files containing environment variables.","items":{"oneOf":[{"type":"string","description":"Path to a file containing environment variables."},{"type":"object","description":"Detailed configuration for an environment file.","additionalProperties":false,"properties":{"path":{"type":"string","description":"Path to the environment file."},"format":{"type":"string","description":"Format attribute lets you to use an alternative file formats for env_file. When not set, env_file is parsed according to Compose rules."},"required":{"type":["boolean","string"],"default":true,"description":"Whether the file is required. If true and the file doesn't exist, an error will be raised."}},"required":["path"]}]}}]},"label_file":{"oneOf":[{"type":"string","description":"Path to a file containing Docker labels."},{"type":"array","description":"List of paths to files containing Docker labels.","items":{"type":"string","description":"Path to a file containing Docker labels."}}]},"string_or_list":{"oneOf":[{"type":"string","description":"A single string value."},{"$ref":"#/$defs/list_of_strings","description":"A list of string values."}],"description":"Either a single string or a list of strings."},"list_of_strings":{"type":"array","description":"A list of unique string values.","items":{"type":"string","description":"A string value in the list."},"uniqueItems":true},"list_or_dict":{"oneOf":[{"type":"object","description":"A dictionary mapping keys to values.","patternProperties":{".+":{"type":["string","number","boolean","null"],"description":"Value for the key, which can be a string, number, boolean, or null."}},"additionalProperties":false},{"type":"array","description":"A list of unique string values.","items":{"type":"string","description":"A string value in the list."},"uniqueItems":true}],"description":"Either a dictionary mapping keys to values, or a list of strings."},"extra_hosts":{"oneOf":[{"type":"object","description":"list mapping hostnames to IP addresses.","patternProperties":{".+":{"oneOf":[{"type":"string","description":"IP address for the hostname."},{"type":"array","description":"List of IP addresses for the hostname.","items":{"type":"string","description":"IP address for the hostname."},"uniqueItems":false}]}},"additionalProperties":false},{"type":"array","description":"List of host:IP mappings in the format 'hostname:IP'.","items":{"type":"string","description":"Host:IP mapping in the format 'hostname:IP'."},"uniqueItems":true}],"description":"Additional hostnames to be defined in the container's /etc/hosts file."},"blkio_limit":{"type":"object","description":"Block IO limit for a specific device.","properties":{"path":{"type":"string","description":"Path to the device (e.g., '/dev/sda')."},"rate":{"type":["integer","string"],"description":"Rate limit in bytes per second or IO operations per second."}},"additionalProperties":false},"blkio_weight":{"type":"object","description":"Block IO weight for a specific device.","properties":{"path":{"type":"string","description":"Path to the device (e.g., '/dev/sda')."},"weight":{"type":["integer","string"],"description":"Relative weight for the device, between 10 and 1000."}},"additionalProperties":false},"service_config_or_secret":{"type":"array","description":"Configuration for service configs or secrets, defining how they are mounted in the container.","items":{"oneOf":[{"type":"string","description":"Name of the config or secret to grant access to."},{"type":"object","description":"Detailed configuration for a config or secret.","properties":{"source":{"type":"string","description":"Name of the config or secret as defined in the top-level configs or secrets section."},"target":{"type":"string","description":"Path in the container where the config or secret will be mounted. Defaults to /<source> for configs and /run/secrets/<source> for secrets."},"uid":{"type":"string","description":"UID of the file in the container. Default is 0 (root)."},"gid":{"type":"string","description":"GID of the file in the container. Default is 0 (root)."},"mode":{"type":["number","string"],"description":"File permission mode inside the container, in octal. Default is 0444 for configs and 0400 for secrets."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}]}},"ulimits":{"type":"object","description":"Container ulimit options, controlling resource limits for processes inside the container.","patternProperties":{"^[a-z]+$":{"oneOf":[{"type":["integer","string"],"description":"Single value for both soft and hard limits."},{"type":"object","description":"Separate soft and hard limits.","properties":{"hard":{"type":["integer","string"],"description":"Hard limit for the ulimit type. This is the maximum allowed value."},"soft":{"type":["integer","string"],"description":"Soft limit for the ulimit type. This is the value that's actually enforced."}},"required":["soft","hard"],"additionalProperties":false,"patternProperties":{"^x-":{}}}]}}}}};const func0 = Object.prototype.hasOwnProperty;const pattern0 = new RegExp("^x-", "u");const pattern1 = new RegExp("^[a-zA-Z0-9._-]+$", "u");const schema1 = {"description":"Compose application or sub-projects to be included.","oneOf":[{"type":"string"},{"type":"object","properties":{"path":{"$ref":"#/$defs/string_or_list","description":"Path to the Compose application or sub-project files to include."},"env_file":{"$ref":"#/$defs/string_or_list","description":"Path to the environment files to use to define default values when interpolating variables in the Compose files being parsed."},"project_directory":{"type":"string","description":"Path to resolve relative paths set in the Compose file"}},"additionalProperties":false}]};const schema2 = {"oneOf":[{"type":"string","description":"A single string value."},{"$ref":"#/$defs/list_of_strings","description":"A list of string values."}],"description":"Either a single string or a list of strings."};const schema3 = {"type":"array","description":"A list of unique string values.","items":{"type":"string","description":"A string value in the list."},"uniqueItems":true};function validate3(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate3.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(Array.isArray(data)){const len0 = data.length;for(let i0=0; i0<len0; i0++){let data0 = data[i0];if(typeof data0 !== "string"){const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema3.items.type,parentSchema:schema3.items,data:data0};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}let i1 = data.length;let j0;if(i1 > 1){const indices0 = {};for(;i1--;){let item0 = data[i1];if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j0 = indices0[item0];const err1 = {instancePath,schemaPath:"#/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema3,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;break;}indices0[item0] = i1;}}}else {const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema3.type,parentSchema:schema3,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}validate3.errors = vErrors;return errors === 0;}validate3.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};function validate2(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate2.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}const _errs0 = errors;let valid0 = false;let passing0 = null;const _errs1 = errors;if(typeof data !== "string"){const err0 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema2.oneOf[0].type,parentSchema:schema2.oneOf[0],data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}var _valid0 = _errs1 === errors;if(_valid0){valid0 = true;passing0 = 0;}const _errs3 = errors;if(!(validate3(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);errors = vErrors.length;}var _valid0 = _errs3 === errors;if(_valid0 && valid0){valid0 = false;passing0 = [passing0, 1];}else {if(_valid0){valid0 = true;passing0 = 1;var items0 = true;}}if(!valid0){const err1 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema2.oneOf,parentSchema:schema2,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}else {errors = _errs0;if(vErrors !== null){if(_errs0){vErrors.length = _errs0;}else {vErrors = null;}}}validate2.errors = vErrors;evaluated0.items = items0;return errors === 0;}validate2.evaluated = {"dynamicProps":false,"dynamicItems":true};function validate1(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate1.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}const _errs0 = errors;let valid0 = false;let passing0 = null;const _errs1 = errors;if(typeof data !== "string"){const err0 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema1.oneOf[0].type,parentSchema:schema1.oneOf[0],data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}var _valid0 = _errs1 === errors;if(_valid0){valid0 = true;passing0 = 0;}const _errs3 = errors;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(((key0 === "path") || (key0 === "env_file")) || (key0 === "project_directory"))){const err1 = {instancePath,schemaPath:"#/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema1.oneOf[1],data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.path !== undefined){if(!(validate2(data.path, {instancePath:instancePath+"/path",parentData:data,parentDataProperty:"path",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate2.errors : vErrors.concat(validate2.errors);errors = vErrors.length;}}if(data.env_file !== undefined){if(!(validate2(data.env_file, {instancePath:instancePath+"/env_file",parentData:data,parentDataProperty:"env_file",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate2.errors : vErrors.concat(validate2.errors);errors = vErrors.length;}}if(data.project_directory !== undefined){let data2 = data.project_directory;if(typeof data2 !== "string"){const err2 = {instancePath:instancePath+"/project_directory",schemaPath:"#/oneOf/1/properties/project_directory/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema1.oneOf[1].properties.project_directory.type,parentSchema:schema1.oneOf[1].properties.project_directory,data:data2};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}}else {const err3 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema1.oneOf[1].type,parentSchema:schema1.oneOf[1],data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}var _valid0 = _errs3 === errors;if(_valid0 && valid0){valid0 = false;passing0 = [passing0, 1];}else {if(_valid0){valid0 = true;passing0 = 1;var props0 = true;}}if(!valid0){const err4 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema1.oneOf,parentSchema:schema1,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}else {errors = _errs0;if(vErrors !== null){if(_errs0){vErrors.length = _errs0;}else {vErrors = null;}}}validate1.errors = vErrors;evaluated0.props = props0;return errors === 0;}validate1.evaluated = {"dynamicProps":true,"dynamicItems":false};const schema4 = {"type":"object","description":"Configuration for a service.","properties":{"develop":{"$ref":"#/$defs/development"},"deploy":{"$ref":"#/$defs/deployment"},"annotations":{"$ref":"#/$defs/list_or_dict"},"attach":{"type":["boolean","string"]},"build":{"description":"Configuration options for building the service's image.","oneOf":[{"type":"string","description":"Path to the build context. Can be a relative path or a URL."},{"type":"object","properties":{"context":{"type":"string","description":"Path to the build context. Can be a relative path or a URL."},"dockerfile":{"type":"string","description":"Name of the Dockerfile to use for building the image."},"dockerfile_inline":{"type":"string","description":"Inline Dockerfile content to use instead of a Dockerfile from the build context."},"entitlements":{"type":"array","items":{"type":"string"},"description":"List of extra privileged entitlements to grant to the build process."},"args":{"$ref":"#/$defs/list_or_dict","description":"Build-time variables, specified as a map or a list of KEY=VAL pairs."},"ssh":{"$ref":"#/$defs/list_or_dict","description":"SSH agent socket or keys to expose to the build. Format is either a string or a list of 'default|<id>[=<socket>|<key>[,<key>]]'."},"labels":{"$ref":"#/$defs/list_or_dict","description":"Labels to apply to the built image."},"cache_from":{"type":"array","items":{"type":"string"},"description":"List of sources the image builder should use for cache resolution"},"cache_to":{"type":"array","items":{"type":"string"},"description":"Cache destinations for the build cache."},"no_cache":{"type":["boolean","string"],"description":"Do not use cache when building the image."},"no_cache_filter":{"$ref":"#/$defs/string_or_list","description":"Do not use build cache for the specified stages."},"additional_contexts":{"$ref":"#/$defs/list_or_dict","description":"Additional build contexts to use, specified as a map of name to context path or URL."},"network":{"type":"string","description":"Network mode to use for the build. Options include 'default', 'none', 'host', or a network name."},"provenance":{"type":["string","boolean"],"description":"Add a provenance attestation"},"sbom":{"type":["string","boolean"],"description":"Add a SBOM attestation"},"pull":{"type":["boolean","string"],"description":"Always attempt to pull a newer version of the image."},"target":{"type":"string","description":"Build stage to target in a multi-stage Dockerfile."},"shm_size":{"type":["integer","string"],"description":"Size of /dev/shm for the build container. A string value can use suffix like '2g' for 2 gigabytes."},"extra_hosts":{"$ref":"#/$defs/extra_hosts","description":"Add hostname mappings for the build container."},"isolation":{"type":"string","description":"Container isolation technology to use for the build process."},"privileged":{"type":["boolean","string"],"description":"Give extended privileges to the build container."},"secrets":{"$ref":"#/$defs/service_config_or_secret","description":"Secrets to expose to the build. These are accessible at build-time."},"tags":{"type":"array","items":{"type":"string"},"description":"Additional tags to apply to the built image."},"ulimits":{"$ref":"#/$defs/ulimits","description":"Override the default ulimits for the build container."},"platforms":{"type":"array","items":{"type":"string"},"description":"Platforms to build for, e.g., 'linux/amd64', 'linux/arm64', or 'windows/amd64'."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}]},"blkio_config":{"type":"object","description":"Block IO configuration for the service.","properties":{"device_read_bps":{"type":"array","description":"Limit read rate (bytes per second) from a device.","items":{"$ref":"#/$defs/blkio_limit"}},"device_read_iops":{"type":"array","description":"Limit read rate (IO per second) from a device.","items":{"$ref":"#/$defs/blkio_limit"}},"device_write_bps":{"type":"array","description":"Limit write rate (bytes per second) to a device.","items":{"$ref":"#/$defs/blkio_limit"}},"device_write_iops":{"type":"array","description":"Limit write rate (IO per second) to a device.","items":{"$ref":"#/$defs/blkio_limit"}},"weight":{"type":["integer","string"],"description":"Block IO weight (relative weight) for the service, between 10 and 1000."},"weight_device":{"type":"array","description":"Block IO weight (relative weight) for specific devices.","items":{"$ref":"#/$defs/blkio_weight"}}},"additionalProperties":false},"cap_add":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Add Linux capabilities. For example, 'CAP_SYS_ADMIN', 'SYS_ADMIN', or 'NET_ADMIN'."},"cap_drop":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Drop Linux capabilities. For example, 'CAP_SYS_ADMIN', 'SYS_ADMIN', or 'NET_ADMIN'."},"cgroup":{"type":"string","enum":["host","private"],"description":"Specify the cgroup namespace to join. Use 'host' to use the host's cgroup namespace, or 'private' to use a private cgroup namespace."},"cgroup_parent":{"type":"string","description":"Specify an optional parent cgroup for the container."},"command":{"$ref":"#/$defs/command","description":"Override the default command declared by the container image, for example 'CMD' in Dockerfile."},"configs":{"$ref":"#/$defs/service_config_or_secret","description":"Grant access to Configs on a per-service basis."},"container_name":{"type":"string","description":"Specify a custom container name, rather than a generated default name.","pattern":"[a-zA-Z0-9][a-zA-Z0-9_.-]+"},"cpu_count":{"oneOf":[{"type":"string"},{"type":"integer","minimum":0}],"description":"Number of usable CPUs."},"cpu_percent":{"oneOf":[{"type":"string"},{"type":"integer","minimum":0,"maximum":100}],"description":"Percentage of CPU resources to use."},"cpu_shares":{"type":["number","string"],"description":"CPU shares (relative weight) for the container."},"cpu_quota":{"type":["number","string"],"description":"Limit the CPU CFS (Completely Fair Scheduler) quota."},"cpu_period":{"type":["number","string"],"description":"Limit the CPU CFS (Completely Fair Scheduler) period."},"cpu_rt_period":{"type":["number","string"],"description":"Limit the CPU real-time period in microseconds or a duration."},"cpu_rt_runtime":{"type":["number","string"],"description":"Limit the CPU real-time runtime in microseconds or a duration."},"cpus":{"type":["number","string"],"description":"Number of CPUs to use. A floating-point value is supported to request partial CPUs."},"cpuset":{"type":"string","description":"CPUs in which to allow execution (0-3, 0,1)."},"credential_spec":{"type":"object","description":"Configure the credential spec for managed service account.","properties":{"config":{"type":"string","description":"The name of the credential spec Config to use."},"file":{"type":"string","description":"Path to a credential spec file."},"registry":{"type":"string","description":"Path to a credential spec in the Windows registry."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"depends_on":{"oneOf":[{"$ref":"#/$defs/list_of_strings"},{"type":"object","additionalProperties":false,"patternProperties":{"^[a-zA-Z0-9._-]+$":{"type":"object","additionalProperties":false,"patternProperties":{"^x-":{}},"properties":{"restart":{"type":["boolean","string"],"description":"Whether to restart dependent services when this service is restarted."},"required":{"type":"boolean","default":true,"description":"Whether the dependency is required for the dependent service to start."},"condition":{"type":"string","enum":["service_started","service_healthy","service_completed_successfully"],"description":"Condition to wait for. 'service_started' waits until the service has started, 'service_healthy' waits until the service is healthy (as defined by its healthcheck), 'service_completed_successfully' waits until the service has completed successfully."}},"required":["condition"]}}}],"description":"Express dependency between services. Service dependencies cause services to be started in dependency order. The dependent service will wait for the dependency to be ready before starting."},"device_cgroup_rules":{"$ref":"#/$defs/list_of_strings","description":"Add rules to the cgroup allowed devices list."},"devices":{"type":"array","description":"List of device mappings for the container.","items":{"oneOf":[{"type":"string"},{"type":"object","required":["source"],"properties":{"source":{"type":"string","description":"Path on the host to the device."},"target":{"type":"string","description":"Path in the container where the device will be mapped."},"permissions":{"type":"string","description":"Cgroup permissions for the device (rwm)."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}]}},"dns":{"$ref":"#/$defs/string_or_list","description":"Custom DNS servers to set for the service container."},"dns_opt":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Custom DNS options to be passed to the container's DNS resolver."},"dns_search":{"$ref":"#/$defs/string_or_list","description":"Custom DNS search domains to set on the service container."},"domainname":{"type":"string","description":"Custom domain name to use for the service container."},"entrypoint":{"$ref":"#/$defs/command","description":"Override the default entrypoint declared by the container image, for example 'ENTRYPOINT' in Dockerfile."},"env_file":{"$ref":"#/$defs/env_file","description":"Add environment variables from a file or multiple files. Can be a single file path or a list of file paths."},"label_file":{"$ref":"#/$defs/label_file","description":"Add metadata to containers using files containing Docker labels."},"environment":{"$ref":"#/$defs/list_or_dict","description":"Add environment variables. You can use either an array or a list of KEY=VAL pairs."},"expose":{"type":"array","items":{"type":["string","number"]},"uniqueItems":true,"description":"Expose ports without publishing them to the host machine - they'll only be accessible to linked services."},"extends":{"oneOf":[{"type":"string"},{"type":"object","properties":{"service":{"type":"string","description":"The name of the service to extend."},"file":{"type":"string","description":"The file path where the service to extend is defined."}},"required":["service"],"additionalProperties":false}],"description":"Extend another service, in the current file or another file."},"provider":{"type":"object","description":"Specify a service which will not be manage by Compose directly, and delegate its management to an external provider.","required":["type"],"properties":{"type":{"type":"string","description":"External component used by Compose to manage setup and teardown lifecycle of the service."},"options":{"type":"object","description":"Provider-specific options.","patternProperties":{"^.+$":{"oneOf":[{"type":["string","number","boolean"]},{"type":"array","items":{"type":["string","number","boolean"]}}]}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"external_links":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Link to services started outside this Compose application. Specify services as <service_name>:<alias>."},"extra_hosts":{"$ref":"#/$defs/extra_hosts","description":"Add hostname mappings to the container network interface configuration."},"gpus":{"$ref":"#/$defs/gpus","description":"Define GPU devices to use. Can be set to 'all' to use all GPUs, or a list of specific GPU devices."},"group_add":{"type":"array","items":{"type":["string","number"]},"uniqueItems":true,"description":"Add additional groups which user inside the container should be member of."},"healthcheck":{"$ref":"#/$defs/healthcheck","description":"Configure a health check for the container to monitor its health status."},"hostname":{"type":"string","description":"Define a custom hostname for the service container."},"image":{"type":"string","description":"Specify the image to start the container from. Can be a repository/tag, a digest, or a local image ID."},"init":{"type":["boolean","string"],"description":"Run as an init process inside the container that forwards signals and reaps processes."},"ipc":{"type":"string","description":"IPC sharing mode for the service container. Use 'host' to share the host's IPC namespace, 'service:[service_name]' to share with another service, or 'shareable' to allow other services to share this service's IPC namespace."},"isolation":{"type":"string","description":"Container isolation technology to use. Supported values are platform-specific."},"labels":{"$ref":"#/$defs/list_or_dict","description":"Add metadata to containers using Docker labels. You can use either an array or a list."},"links":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Link to containers in another service. Either specify both the service name and a link alias (SERVICE:ALIAS), or just the service name."},"logging":{"type":"object","description":"Logging configuration for the service.","properties":{"driver":{"type":"string","description":"Logging driver to use, such as 'json-file', 'syslog', 'journald', etc."},"options":{"type":"object","description":"Options for the logging driver.","patternProperties":{"^.+$":{"type":["string","number","null"]}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"mac_address":{"type":"string","description":"Container MAC address to set."},"mem_limit":{"type":["number","string"],"description":"Memory limit for the container. A string value can use suffix like '2g' for 2 gigabytes."},"mem_reservation":{"type":["string","integer"],"description":"Memory reservation for the container."},"mem_swappiness":{"type":["integer","string"],"description":"Container memory swappiness as percentage (0 to 100)."},"memswap_limit":{"type":["number","string"],"description":"Amount of memory the container is allowed to swap to disk. Set to -1 to enable unlimited swap."},"network_mode":{"type":"string","description":"Network mode. Values can be 'bridge', 'host', 'none', 'service:[service name]', or 'container:[container name]'."},"models":{"oneOf":[{"$ref":"#/$defs/list_of_strings"},{"type":"object","patternProperties":{"^[a-zA-Z0-9._-]+$":{"oneOf":[{"type":"object","properties":{"endpoint_var":{"type":"string","description":"Environment variable set to AI model endpoint."},"model_var":{"type":"string","description":"Environment variable set to AI model name."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},{"type":"null"}]}}}],"description":"AI Models to use, referencing entries under the top-level models key."},"networks":{"oneOf":[{"$ref":"#/$defs/list_of_strings"},{"type":"object","patternProperties":{"^[a-zA-Z0-9._-]+$":{"oneOf":[{"type":"object","properties":{"aliases":{"$ref":"#/$defs/list_of_strings","description":"Alternative hostnames for this service on the network."},"interface_name":{"type":"string","description":"Interface network name used to connect to network"},"ipv4_address":{"type":"string","description":"Specify a static IPv4 address for this service on this network."},"ipv6_address":{"type":"string","description":"Specify a static IPv6 address for this service on this network."},"link_local_ips":{"$ref":"#/$defs/list_of_strings","description":"List of link-local IPs."},"mac_address":{"type":"string","description":"Specify a MAC address for this service on this network."},"driver_opts":{"type":"object","description":"Driver options for this network.","patternProperties":{"^.+$":{"type":["string","number"]}}},"priority":{"type":"number","description":"Specify the priority for the network connection."},"gw_priority":{"type":"number","description":"Specify the gateway priority for the network connection."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},{"type":"null"}]}},"additionalProperties":false}],"description":"Networks to join, referencing entries under the top-level networks key. Can be a list of network names or a mapping of network name to network configuration."},"oom_kill_disable":{"type":["boolean","string"],"description":"Disable OOM Killer for the container."},"oom_score_adj":{"oneOf":[{"type":"string"},{"type":"integer","minimum":-1000,"maximum":1000}],"description":"Tune host's OOM preferences for the container (accepts -1000 to 1000)."},"pid":{"type":["string","null"],"description":"PID mode for container."},"pids_limit":{"type":["number","string"],"description":"Tune a container's PIDs limit. Set to -1 for unlimited PIDs."},"platform":{"type":"string","description":"Target platform to run on, e.g., 'linux/amd64', 'linux/arm64', or 'windows/amd64'."},"ports":{"type":"array","description":"Expose container ports. Short format ([HOST:]CONTAINER[/PROTOCOL]).","items":{"oneOf":[{"type":"number"},{"type":"string"},{"type":"object","properties":{"name":{"type":"string","description":"A human-readable name for this port mapping."},"mode":{"type":"string","description":"The port binding mode, either 'host' for publishing a host port or 'ingress' for load balancing."},"host_ip":{"type":"string","description":"The host IP to bind to."},"target":{"type":["integer","string"],"description":"The port inside the container."},"published":{"type":["string","integer"],"description":"The publicly exposed port."},"protocol":{"type":"string","description":"The port protocol (tcp or udp)."},"app_protocol":{"type":"string","description":"Application protocol to use with the port (e.g., http, https, mysql)."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}]},"uniqueItems":true},"pre_start":{"type":"array","items":{"$ref":"#/$defs/pre_start_hook"},"description":"Init containers to run to completion before the service container is started. Each step runs in its own ephemeral container, in declared order; a non-zero exit fails the bring-up of the service and its dependents."},"post_start":{"type":"array","items":{"$ref":"#/$defs/service_hook"},"description":"Commands to run after the container starts. If any command fails, the container stops."},"pre_stop":{"type":"array","items":{"$ref":"#/$defs/service_hook"},"description":"Commands to run before the container stops. If any command fails, the container stop is aborted."},"privileged":{"type":["boolean","string"],"description":"Give extended privileges to the service container."},"profiles":{"$ref":"#/$defs/list_of_strings","description":"List of profiles for this service. When profiles are specified, services are only started when the profile is activated."},"pull_policy":{"type":"string","pattern":"always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+","description":"Policy for pulling images. Options include: 'always', 'never', 'if_not_present', 'missing', 'build', or time-based refresh policies."},"pull_refresh_after":{"type":"string","description":"Time after which to refresh the image. Used with pull_policy=refresh."},"read_only":{"type":["boolean","string"],"description":"Mount the container's filesystem as read only."},"restart":{"type":"string","description":"Restart policy for the service container. Options include: 'no', 'always', 'on-failure', and 'unless-stopped'."},"runtime":{"type":"string","description":"Runtime to use for this container, e.g., 'runc'."},"scale":{"type":["integer","string"],"description":"Number of containers to deploy for this service."},"security_opt":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Override the default labeling scheme for each container."},"shm_size":{"type":["number","string"],"description":"Size of /dev/shm. A string value can use suffix like '2g' for 2 gigabytes."},"secrets":{"$ref":"#/$defs/service_config_or_secret","description":"Grant access to Secrets on a per-service basis."},"sysctls":{"$ref":"#/$defs/list_or_dict","description":"Kernel parameters to set in the container. You can use either an array or a list."},"stdin_open":{"type":["boolean","string"],"description":"Keep STDIN open even if not attached."},"stop_grace_period":{"type":"string","description":"Time to wait for the container to stop gracefully before sending SIGKILL (e.g., '1s', '1m30s')."},"stop_signal":{"type":"string","description":"Signal to stop the container (e.g., 'SIGTERM', 'SIGINT')."},"storage_opt":{"type":"object","description":"Storage driver options for the container."},"tmpfs":{"$ref":"#/$defs/string_or_list","description":"Mount a temporary filesystem (tmpfs) into the container. Can be a single value or a list."},"tty":{"type":["boolean","string"],"description":"Allocate a pseudo-TTY to service container."},"ulimits":{"$ref":"#/$defs/ulimits","description":"Override the default ulimits for a container."},"use_api_socket":{"type":"boolean","description":"Bind mount Docker API socket and required auth."},"user":{"type":"string","description":"Username or UID to run the container process as."},"uts":{"type":"string","description":"UTS namespace to use. 'host' shares the host's UTS namespace."},"userns_mode":{"type":"string","description":"User namespace to use. 'host' shares the host's user namespace."},"volumes":{"type":"array","description":"Mount host paths or named volumes accessible to the container. Short syntax (VOLUME:CONTAINER_PATH[:MODE])","items":{"oneOf":[{"type":"string"},{"type":"object","required":["type"],"properties":{"type":{"type":"string","enum":["bind","volume","tmpfs","cluster","npipe","image"],"description":"The mount type: bind for mounting host directories, volume for named volumes, tmpfs for temporary filesystems, cluster for cluster volumes, npipe for named pipes, or image for mounting from an image."},"source":{"type":"string","description":"The source of the mount, a path on the host for a bind mount, a docker image reference for an image mount, or the name of a volume defined in the top-level volumes key. Not applicable for a tmpfs mount."},"target":{"type":"string","description":"The path in the container where the volume is mounted."},"read_only":{"type":["boolean","string"],"description":"Flag to set the volume as read-only."},"consistency":{"type":"string","description":"The consistency requirements for the mount. Available values are platform specific."},"bind":{"type":"object","description":"Configuration specific to bind mounts.","properties":{"propagation":{"type":"string","description":"The propagation mode for the bind mount: 'shared', 'slave', 'private', 'rshared', 'rslave', or 'rprivate'."},"create_host_path":{"type":["boolean","string"],"description":"Create the host path if it doesn't exist."},"recursive":{"type":"string","enum":["enabled","disabled","writable","readonly"],"description":"Recursively mount the source directory."},"selinux":{"type":"string","enum":["z","Z"],"description":"SELinux relabeling options: 'z' for shared content, 'Z' for private unshared content."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"volume":{"type":"object","description":"Configuration specific to volume mounts.","properties":{"labels":{"$ref":"#/$defs/list_or_dict","description":"Labels to apply to the volume."},"nocopy":{"type":["boolean","string"],"description":"Flag to disable copying of data from a container when a volume is created."},"subpath":{"type":"string","description":"Path within the volume to mount instead of the volume root."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"tmpfs":{"type":"object","description":"Configuration specific to tmpfs mounts.","properties":{"size":{"oneOf":[{"type":"integer","minimum":0},{"type":"string"}],"description":"Size of the tmpfs mount in bytes."},"mode":{"type":["number","string"],"description":"File mode of the tmpfs in octal."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"image":{"type":"object","description":"Configuration specific to image mounts.","properties":{"subpath":{"type":"string","description":"Path within the image to mount instead of the image root."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}}]},"uniqueItems":true},"volumes_from":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Mount volumes from another service or container. Optionally specify read-only access (ro) or read-write (rw)."},"working_dir":{"type":"string","description":"The working directory in which the entrypoint or command will be run"}},"patternProperties":{"^x-":{}},"additionalProperties":false};const func5 = (__webpack_require__(4951)["default"]);const pattern27 = new RegExp("[a-zA-Z0-9][a-zA-Z0-9_.-]+", "u");const pattern34 = new RegExp("^.+$", "u");const pattern47 = new RegExp("always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+", "u");const schema5 = {"type":["object","null"],"description":"Development configuration for the service, used for development workflows.","properties":{"watch":{"type":"array","description":"Configure watch mode for the service, which monitors file changes and performs actions in response.","items":{"type":"object","required":["path","action"],"properties":{"ignore":{"$ref":"#/$defs/string_or_list","description":"Patterns to exclude from watching."},"include":{"$ref":"#/$defs/string_or_list","description":"Patterns to include in watching."},"path":{"type":"string","description":"Path to watch for changes."},"action":{"type":"string","enum":["rebuild","sync","restart","sync+restart","sync+exec"],"description":"Action to take when a change is detected: rebuild the container, sync files, restart the container, sync and restart, or sync and execute a command."},"target":{"type":"string","description":"Target path in the container for sync operations."},"exec":{"$ref":"#/$defs/service_hook","description":"Command to execute when a change is detected and action is sync+exec."},"initial_sync":{"type":"boolean","description":"Ensure that an initial synchronization is done before starting watch mode for sync+x triggers"}},"additionalProperties":false,"patternProperties":{"^x-":{}}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}};const schema6 = {"type":"object","description":"Configuration for service lifecycle hooks, which are commands executed at specific points in a container's lifecycle.","properties":{"command":{"$ref":"#/$defs/command","description":"Command to execute as part of the hook."},"user":{"type":"string","description":"User to run the command as."},"privileged":{"type":["boolean","string"],"description":"Whether to run the command with extended privileges."},"working_dir":{"type":"string","description":"Working directory for the command."},"environment":{"$ref":"#/$defs/list_or_dict","description":"Environment variables for the command."}},"additionalProperties":false,"patternProperties":{"^x-":{}},"required":["command"]};const schema7 = {"oneOf":[{"type":"null","description":"No command specified, use the container's default command."},{"type":"string","description":"Command as a string, which will be executed in a shell (e.g., '/bin/sh -c')."},{"type":"array","description":"Command as an array of strings, which will be executed directly without a shell.","items":{"type":"string","description":"Part of the command (executable or argument)."}}],"description":"Command to run in the container, which can be specified as a string (shell form) or array (exec form)."};function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate13.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}const _errs0 = errors;let valid0 = false;let passing0 = null;const _errs1 = errors;if(data !== null){const err0 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema7.oneOf[0].type,parentSchema:schema7.oneOf[0],data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}var _valid0 = _errs1 === errors;if(_valid0){valid0 = true;passing0 = 0;}const _errs3 = errors;if(typeof data !== "string"){const err1 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema7.oneOf[1].type,parentSchema:schema7.oneOf[1],data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}var _valid0 = _errs3 === errors;if(_valid0 && valid0){valid0 = false;passing0 = [passing0, 1];}else {if(_valid0){valid0 = true;passing0 = 1;}const _errs5 = errors;if(Array.isArray(data)){const len0 = data.length;for(let i0=0; i0<len0; i0++){let data0 = data[i0];if(typeof data0 !== "string"){const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/oneOf/2/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema7.oneOf[2].items.type,parentSchema:schema7.oneOf[2].items,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}}else {const err3 = {instancePath,schemaPath:"#/oneOf/2/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema7.oneOf[2].type,parentSchema:schema7.oneOf[2],data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}var _valid0 = _errs5 === errors;if(_valid0 && valid0){valid0 = false;passing0 = [passing0, 2];}else {if(_valid0){valid0 = true;passing0 = 2;var items0 = true;}}}if(!valid0){const err4 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema7.oneOf,parentSchema:schema7,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}else {errors = _errs0;if(vErrors !== null){if(_errs0){vErrors.length = _errs0;}else {vErrors = null;}}}validate13.errors = vErrors;evaluated0.items = items0;return errors === 0;}validate13.evaluated = {"dynamicProps":false,"dynamicItems":true};const schema8 = {"oneOf":[{"type":"object","description":"A dictionary mapping keys to values.","patternProperties":{".+":{"type":["string","number","boolean","null"],"description":"Value for the key, which can be a string, number, boolean, or null."}},"additionalProperties":false},{"type":"array","description":"A list of unique string values.","items":{"type":"string","description":"A string value in the list."},"uniqueItems":true}],"description":"Either a dictionary mapping keys to values, or a list of strings."};const pattern7 = new RegExp(".+", "u");function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate15.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}const _errs0 = errors;let valid0 = false;let passing0 = null;const _errs1 = errors;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(pattern7.test(key0))){const err0 = {instancePath,schemaPath:"#/oneOf/0/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema8.oneOf[0],data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}for(const key1 in data){if(pattern7.test(key1)){let data0 = data[key1];if((((typeof data0 !== "string") && (!(typeof data0 == "number"))) && (typeof data0 !== "boolean")) && (data0 !== null)){const err1 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/oneOf/0/patternProperties/.%2B/type",keyword:"type",params:{type: schema8.oneOf[0].patternProperties[".+"].type},message:"must be string,number,boolean,null",schema:schema8.oneOf[0].patternProperties[".+"].type,parentSchema:schema8.oneOf[0].patternProperties[".+"],data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}}}else {const err2 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema8.oneOf[0].type,parentSchema:schema8.oneOf[0],data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}var _valid0 = _errs1 === errors;if(_valid0){valid0 = true;passing0 = 0;var props0 = true;}const _errs6 = errors;if(Array.isArray(data)){const len0 = data.length;for(let i0=0; i0<len0; i0++){let data1 = data[i0];if(typeof data1 !== "string"){const err3 = {instancePath:instancePath+"/" + i0,schemaPath:"#/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema8.oneOf[1].items.type,parentSchema:schema8.oneOf[1].items,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}let i1 = data.length;let j0;if(i1 > 1){const indices0 = {};for(;i1--;){let item0 = data[i1];if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j0 = indices0[item0];const err4 = {instancePath,schemaPath:"#/oneOf/1/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema8.oneOf[1],data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;break;}indices0[item0] = i1;}}}else {const err5 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema8.oneOf[1].type,parentSchema:schema8.oneOf[1],data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}var _valid0 = _errs6 === errors;if(_valid0 && valid0){valid0 = false;passing0 = [passing0, 1];}else {if(_valid0){valid0 = true;passing0 = 1;var items0 = true;}}if(!valid0){const err6 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema8.oneOf,parentSchema:schema8,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}else {errors = _errs0;if(vErrors !== null){if(_errs0){vErrors.length = _errs0;}else {vErrors = null;}}}validate15.errors = vErrors;evaluated0.props = props0;evaluated0.items = items0;return errors === 0;}validate15.evaluated = {"dynamicProps":true,"dynamicItems":true};function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate12.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.command === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "command"},message:"must have required property '"+"command"+"'",schema:schema6.required,parentSchema:schema6,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!((((((key0 === "command") || (key0 === "user")) || (key0 === "privileged")) || (key0 === "working_dir")) || (key0 === "environment")) || (pattern0.test(key0)))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema6,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.command !== undefined){if(!(validate13(data.command, {instancePath:instancePath+"/command",parentData:data,parentDataProperty:"command",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}if(data.user !== undefined){let data1 = data.user;if(typeof data1 !== "string"){const err2 = {instancePath:instancePath+"/user",schemaPath:"#/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema6.properties.user.type,parentSchema:schema6.properties.user,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.privileged !== undefined){let data2 = data.privileged;if((typeof data2 !== "boolean") && (typeof data2 !== "string")){const err3 = {instancePath:instancePath+"/privileged",schemaPath:"#/properties/privileged/type",keyword:"type",params:{type: schema6.properties.privileged.type},message:"must be boolean,string",schema:schema6.properties.privileged.type,parentSchema:schema6.properties.privileged,data:data2};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.working_dir !== undefined){let data3 = data.working_dir;if(typeof data3 !== "string"){const err4 = {instancePath:instancePath+"/working_dir",schemaPath:"#/properties/working_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema6.properties.working_dir.type,parentSchema:schema6.properties.working_dir,data:data3};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.environment !== undefined){if(!(validate15(data.environment, {instancePath:instancePath+"/environment",parentData:data,parentDataProperty:"environment",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}}else {const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema6.type,parentSchema:schema6,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}validate12.errors = vErrors;return errors === 0;}validate12.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};function validate9(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate9.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if((!(data && typeof data == "object" && !Array.isArray(data))) && (data !== null)){const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema5.type},message:"must be object,null",schema:schema5.type,parentSchema:schema5,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((key0 === "watch") || (pattern0.test(key0)))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema5,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.watch !== undefined){let data0 = data.watch;if(Array.isArray(data0)){const len0 = data0.length;for(let i0=0; i0<len0; i0++){let data1 = data0[i0];if(data1 && typeof data1 == "object" && !Array.isArray(data1)){if(data1.path === undefined){const err2 = {instancePath:instancePath+"/watch/" + i0,schemaPath:"#/properties/watch/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema5.properties.watch.items.required,parentSchema:schema5.properties.watch.items,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data1.action === undefined){const err3 = {instancePath:instancePath+"/watch/" + i0,schemaPath:"#/properties/watch/items/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'",schema:schema5.properties.watch.items.required,parentSchema:schema5.properties.watch.items,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}for(const key1 in data1){if(!((((((((key1 === "ignore") || (key1 === "include")) || (key1 === "path")) || (key1 === "action")) || (key1 === "target")) || (key1 === "exec")) || (key1 === "initial_sync")) || (pattern0.test(key1)))){const err4 = {instancePath:instancePath+"/watch/" + i0,schemaPath:"#/properties/watch/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema5.properties.watch.items,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data1.ignore !== undefined){if(!(validate2(data1.ignore, {instancePath:instancePath+"/watch/" + i0+"/ignore",parentData:data1,parentDataProperty:"ignore",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate2.errors : vErrors.concat(validate2.errors);errors = vErrors.length;}}if(data1.include !== undefined){if(!(validate2(data1.include, {instancePath:instancePath+"/watch/" + i0+"/include",parentData:data1,parentDataProperty:"include",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate2.errors : vErrors.concat(validate2.errors);errors = vErrors.length;}}if(data1.path !== undefined){let data4 = data1.path;if(typeof data4 !== "string"){const err5 = {instancePath:instancePath+"/watch/" + i0+"/path",schemaPath:"#/properties/watch/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema5.properties.watch.items.properties.path.type,parentSchema:schema5.properties.watch.items.properties.path,data:data4};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data1.action !== undefined){let data5 = data1.action;if(typeof data5 !== "string"){const err6 = {instancePath:instancePath+"/watch/" + i0+"/action",schemaPath:"#/properties/watch/items/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema5.properties.watch.items.properties.action.type,parentSchema:schema5.properties.watch.items.properties.action,data:data5};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(!(((((data5 === "rebuild") || (data5 === "sync")) || (data5 === "restart")) || (data5 === "sync+restart")) || (data5 === "sync+exec"))){const err7 = {instancePath:instancePath+"/watch/" + i0+"/action",schemaPath:"#/properties/watch/items/properties/action/enum",keyword:"enum",params:{allowedValues: schema5.properties.watch.items.properties.action.enum},message:"must be equal to one of the allowed values",schema:schema5.properties.watch.items.properties.action.enum,parentSchema:schema5.properties.watch.items.properties.action,data:data5};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data1.target !== undefined){let data6 = data1.target;if(typeof data6 !== "string"){const err8 = {instancePath:instancePath+"/watch/" + i0+"/target",schemaPath:"#/properties/watch/items/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema5.properties.watch.items.properties.target.type,parentSchema:schema5.properties.watch.items.properties.target,data:data6};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data1.exec !== undefined){if(!(validate12(data1.exec, {instancePath:instancePath+"/watch/" + i0+"/exec",parentData:data1,parentDataProperty:"exec",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);errors = vErrors.length;}}if(data1.initial_sync !== undefined){let data8 = data1.initial_sync;if(typeof data8 !== "boolean"){const err9 = {instancePath:instancePath+"/watch/" + i0+"/initial_sync",schemaPath:"#/properties/watch/items/properties/initial_sync/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema5.properties.watch.items.properties.initial_sync.type,parentSchema:schema5.properties.watch.items.properties.initial_sync,data:data8};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}else {const err10 = {instancePath:instancePath+"/watch/" + i0,schemaPath:"#/properties/watch/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema5.properties.watch.items.type,parentSchema:schema5.properties.watch.items,data:data1};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath:instancePath+"/watch",schemaPath:"#/properties/watch/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema5.properties.watch.type,parentSchema:schema5.properties.watch,data:data0};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}validate9.errors = vErrors;return errors === 0;}validate9.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const schema9 = {"type":["object","null"],"description":"Deployment configuration for the service.","properties":{"mode":{"type":"string","description":"Deployment mode for the service: 'replicated' (default) or 'global'."},"endpoint_mode":{"type":"string","description":"Endpoint mode for the service: 'vip' (default) or 'dnsrr'."},"replicas":{"type":["integer","string"],"description":"Number of replicas of the service container to run."},"labels":{"$ref":"#/$defs/list_or_dict","description":"Labels to apply to the service."},"rollback_config":{"type":"object","description":"Configuration for rolling back a service update.","properties":{"parallelism":{"type":["integer","string"],"description":"The number of containers to rollback at a time. If set to 0, all containers rollback simultaneously."},"delay":{"type":"string","description":"The time to wait between each container group's rollback (e.g., '1s', '1m30s')."},"failure_action":{"type":"string","description":"Action to take if a rollback fails: 'continue', 'pause'."},"monitor":{"type":"string","description":"Duration to monitor each task for failures after it is created (e.g., '1s', '1m30s')."},"max_failure_ratio":{"type":["number","string"],"description":"Failure rate to tolerate during a rollback."},"order":{"type":"string","enum":["start-first","stop-first"],"description":"Order of operations during rollbacks: 'stop-first' (default) or 'start-first'."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"update_config":{"type":"object","description":"Configuration for updating a service.","properties":{"parallelism":{"type":["integer","string"],"description":"The number of containers to update at a time."},"delay":{"type":"string","description":"The time to wait between updating a group of containers (e.g., '1s', '1m30s')."},"failure_action":{"type":"string","description":"Action to take if an update fails: 'continue', 'pause', 'rollback'."},"monitor":{"type":"string","description":"Duration to monitor each updated task for failures after it is created (e.g., '1s', '1m30s')."},"max_failure_ratio":{"type":["number","string"],"description":"Failure rate to tolerate during an update (0 to 1)."},"order":{"type":"string","enum":["start-first","stop-first"],"description":"Order of operations during updates: 'stop-first' (default) or 'start-first'."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"resources":{"type":"object","description":"Resource constraints and reservations for the service.","properties":{"limits":{"type":"object","description":"Resource limits for the service containers.","properties":{"cpus":{"type":["number","string"],"description":"Limit for how much of the available CPU resources, as number of cores, a container can use."},"memory":{"type":"string","description":"Limit on the amount of memory a container can allocate (e.g., '1g', '1024m')."},"pids":{"type":["integer","string"],"description":"Maximum number of PIDs available to the container."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"reservations":{"type":"object","description":"Resource reservations for the service containers.","properties":{"cpus":{"type":["number","string"],"description":"Reservation for how much of the available CPU resources, as number of cores, a container can use."},"memory":{"type":"string","description":"Reservation on the amount of memory a container can allocate (e.g., '1g', '1024m')."},"generic_resources":{"$ref":"#/$defs/generic_resources","description":"User-defined resources to reserve."},"devices":{"$ref":"#/$defs/devices","description":"Device reservations for the container."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"restart_policy":{"type":"object","description":"Restart policy for the service containers.","properties":{"condition":{"type":"string","description":"Condition for restarting the container: 'none', 'on-failure', 'any'."},"delay":{"type":"string","description":"Delay between restart attempts (e.g., '1s', '1m30s')."},"max_attempts":{"type":["integer","string"],"description":"Maximum number of restart attempts before giving up."},"window":{"type":"string","description":"Time window used to evaluate the restart policy (e.g., '1s', '1m30s')."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"placement":{"type":"object","description":"Constraints and preferences for the platform to select a physical node to run service containers","properties":{"constraints":{"type":"array","items":{"type":"string"},"description":"Placement constraints for the service (e.g., 'node.role==manager')."},"preferences":{"type":"array","description":"Placement preferences for the service.","items":{"type":"object","properties":{"spread":{"type":"string","description":"Spread tasks evenly across values of the specified node label."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}},"max_replicas_per_node":{"type":["integer","string"],"description":"Maximum number of replicas of the service."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}};const schema10 = {"type":"array","description":"User-defined resources for services, allowing services to reserve specialized hardware resources.","items":{"type":"object","properties":{"discrete_resource_spec":{"type":"object","description":"Specification for discrete (countable) resources.","properties":{"kind":{"type":"string","description":"Type of resource (e.g., 'GPU', 'FPGA', 'SSD')."},"value":{"type":["number","string"],"description":"Number of resources of this kind to reserve."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}}};function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate21.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(Array.isArray(data)){const len0 = data.length;for(let i0=0; i0<len0; i0++){let data0 = data[i0];if(data0 && typeof data0 == "object" && !Array.isArray(data0)){for(const key0 in data0){if(!((key0 === "discrete_resource_spec") || (pattern0.test(key0)))){const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema10.items,data:data0};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data0.discrete_resource_spec !== undefined){let data1 = data0.discrete_resource_spec;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){for(const key1 in data1){if(!(((key1 === "kind") || (key1 === "value")) || (pattern0.test(key1)))){const err1 = {instancePath:instancePath+"/" + i0+"/discrete_resource_spec",schemaPath:"#/items/properties/discrete_resource_spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema10.items.properties.discrete_resource_spec,data:data1};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data1.kind !== undefined){let data2 = data1.kind;if(typeof data2 !== "string"){const err2 = {instancePath:instancePath+"/" + i0+"/discrete_resource_spec/kind",schemaPath:"#/items/properties/discrete_resource_spec/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema10.items.properties.discrete_resource_spec.properties.kind.type,parentSchema:schema10.items.properties.discrete_resource_spec.properties.kind,data:data2};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data1.value !== undefined){let data3 = data1.value;if((!(typeof data3 == "number")) && (typeof data3 !== "string")){const err3 = {instancePath:instancePath+"/" + i0+"/discrete_resource_spec/value",schemaPath:"#/items/properties/discrete_resource_spec/properties/value/type",keyword:"type",params:{type: schema10.items.properties.discrete_resource_spec.properties.value.type},message:"must be number,string",schema:schema10.items.properties.discrete_resource_spec.properties.value.type,parentSchema:schema10.items.properties.discrete_resource_spec.properties.value,data:data3};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}}else {const err4 = {instancePath:instancePath+"/" + i0+"/discrete_resource_spec",schemaPath:"#/items/properties/discrete_resource_spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema10.items.properties.discrete_resource_spec.type,parentSchema:schema10.items.properties.discrete_resource_spec,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}}else {const err5 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema10.items.type,parentSchema:schema10.items,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}else {const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema10.type,parentSchema:schema10,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}validate21.errors = vErrors;return errors === 0;}validate21.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};const schema11 = {"type":"array","description":"Device reservations for containers, allowing services to access specific hardware devices.","items":{"type":"object","properties":{"capabilities":{"$ref":"#/$defs/list_of_strings","description":"List of capabilities the device needs to have (e.g., 'gpu', 'compute', 'utility')."},"count":{"type":["string","integer"],"description":"Number of devices of this type to reserve."},"device_ids":{"$ref":"#/$defs/list_of_strings","description":"List of specific device IDs to reserve."},"driver":{"type":"string","description":"Device driver to use (e.g., 'nvidia')."},"options":{"$ref":"#/$defs/list_or_dict","description":"Driver-specific options for the device."}},"additionalProperties":false,"patternProperties":{"^x-":{}},"required":["capabilities"]}};function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate23.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(Array.isArray(data)){const len0 = data.length;for(let i0=0; i0<len0; i0++){let data0 = data[i0];if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.capabilities === undefined){const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/required",keyword:"required",params:{missingProperty: "capabilities"},message:"must have required property '"+"capabilities"+"'",schema:schema11.items.required,parentSchema:schema11.items,data:data0};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data0){if(!((((((key0 === "capabilities") || (key0 === "count")) || (key0 === "device_ids")) || (key0 === "driver")) || (key0 === "options")) || (pattern0.test(key0)))){const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11.items,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data0.capabilities !== undefined){if(!(validate3(data0.capabilities, {instancePath:instancePath+"/" + i0+"/capabilities",parentData:data0,parentDataProperty:"capabilities",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);errors = vErrors.length;}}if(data0.count !== undefined){let data2 = data0.count;if((typeof data2 !== "string") && (!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))))){const err2 = {instancePath:instancePath+"/" + i0+"/count",schemaPath:"#/items/properties/count/type",keyword:"type",params:{type: schema11.items.properties.count.type},message:"must be string,integer",schema:schema11.items.properties.count.type,parentSchema:schema11.items.properties.count,data:data2};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data0.device_ids !== undefined){if(!(validate3(data0.device_ids, {instancePath:instancePath+"/" + i0+"/device_ids",parentData:data0,parentDataProperty:"device_ids",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);errors = vErrors.length;}}if(data0.driver !== undefined){let data4 = data0.driver;if(typeof data4 !== "string"){const err3 = {instancePath:instancePath+"/" + i0+"/driver",schemaPath:"#/items/properties/driver/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.items.properties.driver.type,parentSchema:schema11.items.properties.driver,data:data4};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data0.options !== undefined){if(!(validate15(data0.options, {instancePath:instancePath+"/" + i0+"/options",parentData:data0,parentDataProperty:"options",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}}else {const err4 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.items.type,parentSchema:schema11.items,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}}else {const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}validate23.errors = vErrors;return errors === 0;}validate23.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate19.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if((!(data && typeof data == "object" && !Array.isArray(data))) && (data !== null)){const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema9.type},message:"must be object,null",schema:schema9.type,parentSchema:schema9,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((func0.call(schema9.properties, key0)) || (pattern0.test(key0)))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema9,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.mode !== undefined){let data0 = data.mode;if(typeof data0 !== "string"){const err2 = {instancePath:instancePath+"/mode",schemaPath:"#/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.mode.type,parentSchema:schema9.properties.mode,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.endpoint_mode !== undefined){let data1 = data.endpoint_mode;if(typeof data1 !== "string"){const err3 = {instancePath:instancePath+"/endpoint_mode",schemaPath:"#/properties/endpoint_mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.endpoint_mode.type,parentSchema:schema9.properties.endpoint_mode,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.replicas !== undefined){let data2 = data.replicas;if((!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))) && (typeof data2 !== "string")){const err4 = {instancePath:instancePath+"/replicas",schemaPath:"#/properties/replicas/type",keyword:"type",params:{type: schema9.properties.replicas.type},message:"must be integer,string",schema:schema9.properties.replicas.type,parentSchema:schema9.properties.replicas,data:data2};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.labels !== undefined){if(!(validate15(data.labels, {instancePath:instancePath+"/labels",parentData:data,parentDataProperty:"labels",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data.rollback_config !== undefined){let data4 = data.rollback_config;if(data4 && typeof data4 == "object" && !Array.isArray(data4)){for(const key1 in data4){if(!(((((((key1 === "parallelism") || (key1 === "delay")) || (key1 === "failure_action")) || (key1 === "monitor")) || (key1 === "max_failure_ratio")) || (key1 === "order")) || (pattern0.test(key1)))){const err5 = {instancePath:instancePath+"/rollback_config",schemaPath:"#/properties/rollback_config/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema9.properties.rollback_config,data:data4};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data4.parallelism !== undefined){let data5 = data4.parallelism;if((!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))) && (typeof data5 !== "string")){const err6 = {instancePath:instancePath+"/rollback_config/parallelism",schemaPath:"#/properties/rollback_config/properties/parallelism/type",keyword:"type",params:{type: schema9.properties.rollback_config.properties.parallelism.type},message:"must be integer,string",schema:schema9.properties.rollback_config.properties.parallelism.type,parentSchema:schema9.properties.rollback_config.properties.parallelism,data:data5};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data4.delay !== undefined){let data6 = data4.delay;if(typeof data6 !== "string"){const err7 = {instancePath:instancePath+"/rollback_config/delay",schemaPath:"#/properties/rollback_config/properties/delay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.rollback_config.properties.delay.type,parentSchema:schema9.properties.rollback_config.properties.delay,data:data6};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data4.failure_action !== undefined){let data7 = data4.failure_action;if(typeof data7 !== "string"){const err8 = {instancePath:instancePath+"/rollback_config/failure_action",schemaPath:"#/properties/rollback_config/properties/failure_action/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.rollback_config.properties.failure_action.type,parentSchema:schema9.properties.rollback_config.properties.failure_action,data:data7};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data4.monitor !== undefined){let data8 = data4.monitor;if(typeof data8 !== "string"){const err9 = {instancePath:instancePath+"/rollback_config/monitor",schemaPath:"#/properties/rollback_config/properties/monitor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.rollback_config.properties.monitor.type,parentSchema:schema9.properties.rollback_config.properties.monitor,data:data8};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data4.max_failure_ratio !== undefined){let data9 = data4.max_failure_ratio;if((!(typeof data9 == "number")) && (typeof data9 !== "string")){const err10 = {instancePath:instancePath+"/rollback_config/max_failure_ratio",schemaPath:"#/properties/rollback_config/properties/max_failure_ratio/type",keyword:"type",params:{type: schema9.properties.rollback_config.properties.max_failure_ratio.type},message:"must be number,string",schema:schema9.properties.rollback_config.properties.max_failure_ratio.type,parentSchema:schema9.properties.rollback_config.properties.max_failure_ratio,data:data9};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data4.order !== undefined){let data10 = data4.order;if(typeof data10 !== "string"){const err11 = {instancePath:instancePath+"/rollback_config/order",schemaPath:"#/properties/rollback_config/properties/order/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.rollback_config.properties.order.type,parentSchema:schema9.properties.rollback_config.properties.order,data:data10};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}if(!((data10 === "start-first") || (data10 === "stop-first"))){const err12 = {instancePath:instancePath+"/rollback_config/order",schemaPath:"#/properties/rollback_config/properties/order/enum",keyword:"enum",params:{allowedValues: schema9.properties.rollback_config.properties.order.enum},message:"must be equal to one of the allowed values",schema:schema9.properties.rollback_config.properties.order.enum,parentSchema:schema9.properties.rollback_config.properties.order,data:data10};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}}else {const err13 = {instancePath:instancePath+"/rollback_config",schemaPath:"#/properties/rollback_config/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema9.properties.rollback_config.type,parentSchema:schema9.properties.rollback_config,data:data4};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.update_config !== undefined){let data11 = data.update_config;if(data11 && typeof data11 == "object" && !Array.isArray(data11)){for(const key2 in data11){if(!(((((((key2 === "parallelism") || (key2 === "delay")) || (key2 === "failure_action")) || (key2 === "monitor")) || (key2 === "max_failure_ratio")) || (key2 === "order")) || (pattern0.test(key2)))){const err14 = {instancePath:instancePath+"/update_config",schemaPath:"#/properties/update_config/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema9.properties.update_config,data:data11};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data11.parallelism !== undefined){let data12 = data11.parallelism;if((!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))) && (typeof data12 !== "string")){const err15 = {instancePath:instancePath+"/update_config/parallelism",schemaPath:"#/properties/update_config/properties/parallelism/type",keyword:"type",params:{type: schema9.properties.update_config.properties.parallelism.type},message:"must be integer,string",schema:schema9.properties.update_config.properties.parallelism.type,parentSchema:schema9.properties.update_config.properties.parallelism,data:data12};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data11.delay !== undefined){let data13 = data11.delay;if(typeof data13 !== "string"){const err16 = {instancePath:instancePath+"/update_config/delay",schemaPath:"#/properties/update_config/properties/delay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.update_config.properties.delay.type,parentSchema:schema9.properties.update_config.properties.delay,data:data13};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data11.failure_action !== undefined){let data14 = data11.failure_action;if(typeof data14 !== "string"){const err17 = {instancePath:instancePath+"/update_config/failure_action",schemaPath:"#/properties/update_config/properties/failure_action/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.update_config.properties.failure_action.type,parentSchema:schema9.properties.update_config.properties.failure_action,data:data14};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data11.monitor !== undefined){let data15 = data11.monitor;if(typeof data15 !== "string"){const err18 = {instancePath:instancePath+"/update_config/monitor",schemaPath:"#/properties/update_config/properties/monitor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.update_config.properties.monitor.type,parentSchema:schema9.properties.update_config.properties.monitor,data:data15};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data11.max_failure_ratio !== undefined){let data16 = data11.max_failure_ratio;if((!(typeof data16 == "number")) && (typeof data16 !== "string")){const err19 = {instancePath:instancePath+"/update_config/max_failure_ratio",schemaPath:"#/properties/update_config/properties/max_failure_ratio/type",keyword:"type",params:{type: schema9.properties.update_config.properties.max_failure_ratio.type},message:"must be number,string",schema:schema9.properties.update_config.properties.max_failure_ratio.type,parentSchema:schema9.properties.update_config.properties.max_failure_ratio,data:data16};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data11.order !== undefined){let data17 = data11.order;if(typeof data17 !== "string"){const err20 = {instancePath:instancePath+"/update_config/order",schemaPath:"#/properties/update_config/properties/order/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.update_config.properties.order.type,parentSchema:schema9.properties.update_config.properties.order,data:data17};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}if(!((data17 === "start-first") || (data17 === "stop-first"))){const err21 = {instancePath:instancePath+"/update_config/order",schemaPath:"#/properties/update_config/properties/order/enum",keyword:"enum",params:{allowedValues: schema9.properties.update_config.properties.order.enum},message:"must be equal to one of the allowed values",schema:schema9.properties.update_config.properties.order.enum,parentSchema:schema9.properties.update_config.properties.order,data:data17};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath:instancePath+"/update_config",schemaPath:"#/properties/update_config/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema9.properties.update_config.type,parentSchema:schema9.properties.update_config,data:data11};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data.resources !== undefined){let data18 = data.resources;if(data18 && typeof data18 == "object" && !Array.isArray(data18)){for(const key3 in data18){if(!(((key3 === "limits") || (key3 === "reservations")) || (pattern0.test(key3)))){const err23 = {instancePath:instancePath+"/resources",schemaPath:"#/properties/resources/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema9.properties.resources,data:data18};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data18.limits !== undefined){let data19 = data18.limits;if(data19 && typeof data19 == "object" && !Array.isArray(data19)){for(const key4 in data19){if(!((((key4 === "cpus") || (key4 === "memory")) || (key4 === "pids")) || (pattern0.test(key4)))){const err24 = {instancePath:instancePath+"/resources/limits",schemaPath:"#/properties/resources/properties/limits/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema9.properties.resources.properties.limits,data:data19};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data19.cpus !== undefined){let data20 = data19.cpus;if((!(typeof data20 == "number")) && (typeof data20 !== "string")){const err25 = {instancePath:instancePath+"/resources/limits/cpus",schemaPath:"#/properties/resources/properties/limits/properties/cpus/type",keyword:"type",params:{type: schema9.properties.resources.properties.limits.properties.cpus.type},message:"must be number,string",schema:schema9.properties.resources.properties.limits.properties.cpus.type,parentSchema:schema9.properties.resources.properties.limits.properties.cpus,data:data20};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data19.memory !== undefined){let data21 = data19.memory;if(typeof data21 !== "string"){const err26 = {instancePath:instancePath+"/resources/limits/memory",schemaPath:"#/properties/resources/properties/limits/properties/memory/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.resources.properties.limits.properties.memory.type,parentSchema:schema9.properties.resources.properties.limits.properties.memory,data:data21};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data19.pids !== undefined){let data22 = data19.pids;if((!((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22)))) && (typeof data22 !== "string")){const err27 = {instancePath:instancePath+"/resources/limits/pids",schemaPath:"#/properties/resources/properties/limits/properties/pids/type",keyword:"type",params:{type: schema9.properties.resources.properties.limits.properties.pids.type},message:"must be integer,string",schema:schema9.properties.resources.properties.limits.properties.pids.type,parentSchema:schema9.properties.resources.properties.limits.properties.pids,data:data22};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}}else {const err28 = {instancePath:instancePath+"/resources/limits",schemaPath:"#/properties/resources/properties/limits/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema9.properties.resources.properties.limits.type,parentSchema:schema9.properties.resources.properties.limits,data:data19};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data18.reservations !== undefined){let data23 = data18.reservations;if(data23 && typeof data23 == "object" && !Array.isArray(data23)){for(const key5 in data23){if(!(((((key5 === "cpus") || (key5 === "memory")) || (key5 === "generic_resources")) || (key5 === "devices")) || (pattern0.test(key5)))){const err29 = {instancePath:instancePath+"/resources/reservations",schemaPath:"#/properties/resources/properties/reservations/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema9.properties.resources.properties.reservations,data:data23};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data23.cpus !== undefined){let data24 = data23.cpus;if((!(typeof data24 == "number")) && (typeof data24 !== "string")){const err30 = {instancePath:instancePath+"/resources/reservations/cpus",schemaPath:"#/properties/resources/properties/reservations/properties/cpus/type",keyword:"type",params:{type: schema9.properties.resources.properties.reservations.properties.cpus.type},message:"must be number,string",schema:schema9.properties.resources.properties.reservations.properties.cpus.type,parentSchema:schema9.properties.resources.properties.reservations.properties.cpus,data:data24};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data23.memory !== undefined){let data25 = data23.memory;if(typeof data25 !== "string"){const err31 = {instancePath:instancePath+"/resources/reservations/memory",schemaPath:"#/properties/resources/properties/reservations/properties/memory/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.resources.properties.reservations.properties.memory.type,parentSchema:schema9.properties.resources.properties.reservations.properties.memory,data:data25};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data23.generic_resources !== undefined){if(!(validate21(data23.generic_resources, {instancePath:instancePath+"/resources/reservations/generic_resources",parentData:data23,parentDataProperty:"generic_resources",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);errors = vErrors.length;}}if(data23.devices !== undefined){if(!(validate23(data23.devices, {instancePath:instancePath+"/resources/reservations/devices",parentData:data23,parentDataProperty:"devices",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);errors = vErrors.length;}}}else {const err32 = {instancePath:instancePath+"/resources/reservations",schemaPath:"#/properties/resources/properties/reservations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema9.properties.resources.properties.reservations.type,parentSchema:schema9.properties.resources.properties.reservations,data:data23};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}}else {const err33 = {instancePath:instancePath+"/resources",schemaPath:"#/properties/resources/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema9.properties.resources.type,parentSchema:schema9.properties.resources,data:data18};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data.restart_policy !== undefined){let data28 = data.restart_policy;if(data28 && typeof data28 == "object" && !Array.isArray(data28)){for(const key6 in data28){if(!(((((key6 === "condition") || (key6 === "delay")) || (key6 === "max_attempts")) || (key6 === "window")) || (pattern0.test(key6)))){const err34 = {instancePath:instancePath+"/restart_policy",schemaPath:"#/properties/restart_policy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema9.properties.restart_policy,data:data28};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}if(data28.condition !== undefined){let data29 = data28.condition;if(typeof data29 !== "string"){const err35 = {instancePath:instancePath+"/restart_policy/condition",schemaPath:"#/properties/restart_policy/properties/condition/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.restart_policy.properties.condition.type,parentSchema:schema9.properties.restart_policy.properties.condition,data:data29};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data28.delay !== undefined){let data30 = data28.delay;if(typeof data30 !== "string"){const err36 = {instancePath:instancePath+"/restart_policy/delay",schemaPath:"#/properties/restart_policy/properties/delay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.restart_policy.properties.delay.type,parentSchema:schema9.properties.restart_policy.properties.delay,data:data30};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}if(data28.max_attempts !== undefined){let data31 = data28.max_attempts;if((!((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31)))) && (typeof data31 !== "string")){const err37 = {instancePath:instancePath+"/restart_policy/max_attempts",schemaPath:"#/properties/restart_policy/properties/max_attempts/type",keyword:"type",params:{type: schema9.properties.restart_policy.properties.max_attempts.type},message:"must be integer,string",schema:schema9.properties.restart_policy.properties.max_attempts.type,parentSchema:schema9.properties.restart_policy.properties.max_attempts,data:data31};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}if(data28.window !== undefined){let data32 = data28.window;if(typeof data32 !== "string"){const err38 = {instancePath:instancePath+"/restart_policy/window",schemaPath:"#/properties/restart_policy/properties/window/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.restart_policy.properties.window.type,parentSchema:schema9.properties.restart_policy.properties.window,data:data32};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}}else {const err39 = {instancePath:instancePath+"/restart_policy",schemaPath:"#/properties/restart_policy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema9.properties.restart_policy.type,parentSchema:schema9.properties.restart_policy,data:data28};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}if(data.placement !== undefined){let data33 = data.placement;if(data33 && typeof data33 == "object" && !Array.isArray(data33)){for(const key7 in data33){if(!((((key7 === "constraints") || (key7 === "preferences")) || (key7 === "max_replicas_per_node")) || (pattern0.test(key7)))){const err40 = {instancePath:instancePath+"/placement",schemaPath:"#/properties/placement/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema9.properties.placement,data:data33};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}if(data33.constraints !== undefined){let data34 = data33.constraints;if(Array.isArray(data34)){const len0 = data34.length;for(let i0=0; i0<len0; i0++){let data35 = data34[i0];if(typeof data35 !== "string"){const err41 = {instancePath:instancePath+"/placement/constraints/" + i0,schemaPath:"#/properties/placement/properties/constraints/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.placement.properties.constraints.items.type,parentSchema:schema9.properties.placement.properties.constraints.items,data:data35};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}}else {const err42 = {instancePath:instancePath+"/placement/constraints",schemaPath:"#/properties/placement/properties/constraints/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema9.properties.placement.properties.constraints.type,parentSchema:schema9.properties.placement.properties.constraints,data:data34};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}if(data33.preferences !== undefined){let data36 = data33.preferences;if(Array.isArray(data36)){const len1 = data36.length;for(let i1=0; i1<len1; i1++){let data37 = data36[i1];if(data37 && typeof data37 == "object" && !Array.isArray(data37)){for(const key8 in data37){if(!((key8 === "spread") || (pattern0.test(key8)))){const err43 = {instancePath:instancePath+"/placement/preferences/" + i1,schemaPath:"#/properties/placement/properties/preferences/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema9.properties.placement.properties.preferences.items,data:data37};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}if(data37.spread !== undefined){let data38 = data37.spread;if(typeof data38 !== "string"){const err44 = {instancePath:instancePath+"/placement/preferences/" + i1+"/spread",schemaPath:"#/properties/placement/properties/preferences/items/properties/spread/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema9.properties.placement.properties.preferences.items.properties.spread.type,parentSchema:schema9.properties.placement.properties.preferences.items.properties.spread,data:data38};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}}else {const err45 = {instancePath:instancePath+"/placement/preferences/" + i1,schemaPath:"#/properties/placement/properties/preferences/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema9.properties.placement.properties.preferences.items.type,parentSchema:schema9.properties.placement.properties.preferences.items,data:data37};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}}else {const err46 = {instancePath:instancePath+"/placement/preferences",schemaPath:"#/properties/placement/properties/preferences/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema9.properties.placement.properties.preferences.type,parentSchema:schema9.properties.placement.properties.preferences,data:data36};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}if(data33.max_replicas_per_node !== undefined){let data39 = data33.max_replicas_per_node;if((!((typeof data39 == "number") && (!(data39 % 1) && !isNaN(data39)))) && (typeof data39 !== "string")){const err47 = {instancePath:instancePath+"/placement/max_replicas_per_node",schemaPath:"#/properties/placement/properties/max_replicas_per_node/type",keyword:"type",params:{type: schema9.properties.placement.properties.max_replicas_per_node.type},message:"must be integer,string",schema:schema9.properties.placement.properties.max_replicas_per_node.type,parentSchema:schema9.properties.placement.properties.max_replicas_per_node,data:data39};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}}else {const err48 = {instancePath:instancePath+"/placement",schemaPath:"#/properties/placement/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema9.properties.placement.type,parentSchema:schema9.properties.placement,data:data33};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}}validate19.errors = vErrors;return errors === 0;}validate19.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const schema12 = {"oneOf":[{"type":"object","description":"list mapping hostnames to IP addresses.","patternProperties":{".+":{"oneOf":[{"type":"string","description":"IP address for the hostname."},{"type":"array","description":"List of IP addresses for the hostname.","items":{"type":"string","description":"IP address for the hostname."},"uniqueItems":false}]}},"additionalProperties":false},{"type":"array","description":"List of host:IP mappings in the format 'hostname:IP'.","items":{"type":"string","description":"Host:IP mapping in the format 'hostname:IP'."},"uniqueItems":true}],"description":"Additional hostnames to be defined in the container's /etc/hosts file."};function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate35.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}const _errs0 = errors;let valid0 = false;let passing0 = null;const _errs1 = errors;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(pattern7.test(key0))){const err0 = {instancePath,schemaPath:"#/oneOf/0/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12.oneOf[0],data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}for(const key1 in data){if(pattern7.test(key1)){let data0 = data[key1];const _errs5 = errors;let valid2 = false;let passing1 = null;const _errs6 = errors;if(typeof data0 !== "string"){const err1 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/oneOf/0/patternProperties/.%2B/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.oneOf[0].patternProperties[".+"].oneOf[0].type,parentSchema:schema12.oneOf[0].patternProperties[".+"].oneOf[0],data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}var _valid1 = _errs6 === errors;if(_valid1){valid2 = true;passing1 = 0;}const _errs8 = errors;if(Array.isArray(data0)){const len0 = data0.length;for(let i0=0; i0<len0; i0++){let data1 = data0[i0];if(typeof data1 !== "string"){const err2 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/oneOf/0/patternProperties/.%2B/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.oneOf[0].patternProperties[".+"].oneOf[1].items.type,parentSchema:schema12.oneOf[0].patternProperties[".+"].oneOf[1].items,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}}else {const err3 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/oneOf/0/patternProperties/.%2B/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.oneOf[0].patternProperties[".+"].oneOf[1].type,parentSchema:schema12.oneOf[0].patternProperties[".+"].oneOf[1],data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}var _valid1 = _errs8 === errors;if(_valid1 && valid2){valid2 = false;passing1 = [passing1, 1];}else {if(_valid1){valid2 = true;passing1 = 1;}}if(!valid2){const err4 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/oneOf/0/patternProperties/.%2B/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf",schema:schema12.oneOf[0].patternProperties[".+"].oneOf,parentSchema:schema12.oneOf[0].patternProperties[".+"],data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}else {errors = _errs5;if(vErrors !== null){if(_errs5){vErrors.length = _errs5;}else {vErrors = null;}}}}}}else {const err5 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.oneOf[0].type,parentSchema:schema12.oneOf[0],data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}var _valid0 = _errs1 === errors;if(_valid0){valid0 = true;passing0 = 0;var props0 = true;}const _errs12 = errors;if(Array.isArray(data)){const len1 = data.length;for(let i1=0; i1<len1; i1++){let data2 = data[i1];if(typeof data2 !== "string"){const err6 = {instancePath:instancePath+"/" + i1,schemaPath:"#/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.oneOf[1].items.type,parentSchema:schema12.oneOf[1].items,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}let i2 = data.length;let j0;if(i2 > 1){const indices0 = {};for(;i2--;){let item0 = data[i2];if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j0 = indices0[item0];const err7 = {instancePath,schemaPath:"#/oneOf/1/uniqueItems",keyword:"uniqueItems",params:{i: i2, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i2+" are identical)",schema:true,parentSchema:schema12.oneOf[1],data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;break;}indices0[item0] = i2;}}}else {const err8 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.oneOf[1].type,parentSchema:schema12.oneOf[1],data};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}var _valid0 = _errs12 === errors;if(_valid0 && valid0){valid0 = false;passing0 = [passing0, 1];}else {if(_valid0){valid0 = true;passing0 = 1;var items1 = true;}}if(!valid0){const err9 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema12.oneOf,parentSchema:schema12,data};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}else {errors = _errs0;if(vErrors !== null){if(_errs0){vErrors.length = _errs0;}else {vErrors = null;}}}validate35.errors = vErrors;evaluated0.props = props0;evaluated0.items = items1;return errors === 0;}validate35.evaluated = {"dynamicProps":true,"dynamicItems":true};const schema13 = {"type":"array","description":"Configuration for service configs or secrets, defining how they are mounted in the container.","items":{"oneOf":[{"type":"string","description":"Name of the config or secret to grant access to."},{"type":"object","description":"Detailed configuration for a config or secret.","properties":{"source":{"type":"string","description":"Name of the config or secret as defined in the top-level configs or secrets section."},"target":{"type":"string","description":"Path in the container where the config or secret will be mounted. Defaults to /<source> for configs and /run/secrets/<source> for secrets."},"uid":{"type":"string","description":"UID of the file in the container. Default is 0 (root)."},"gid":{"type":"string","description":"GID of the file in the container. Default is 0 (root)."},"mode":{"type":["number","string"],"description":"File permission mode inside the container, in octal. Default is 0444 for configs and 0400 for secrets."}},"additionalProperties":false,"patternProperties":{"^x-":{}}}]}};function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate37.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(Array.isArray(data)){const len0 = data.length;for(let i0=0; i0<len0; i0++){let data0 = data[i0];const _errs2 = errors;let valid2 = false;let passing0 = null;const _errs3 = errors;if(typeof data0 !== "string"){const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.items.oneOf[0].type,parentSchema:schema13.items.oneOf[0],data:data0};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}var _valid0 = _errs3 === errors;if(_valid0){valid2 = true;passing0 = 0;}const _errs5 = errors;if(data0 && typeof data0 == "object" && !Array.isArray(data0)){for(const key0 in data0){if(!((((((key0 === "source") || (key0 === "target")) || (key0 === "uid")) || (key0 === "gid")) || (key0 === "mode")) || (pattern0.test(key0)))){const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema13.items.oneOf[1],data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data0.source !== undefined){let data1 = data0.source;if(typeof data1 !== "string"){const err2 = {instancePath:instancePath+"/" + i0+"/source",schemaPath:"#/items/oneOf/1/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.items.oneOf[1].properties.source.type,parentSchema:schema13.items.oneOf[1].properties.source,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data0.target !== undefined){let data2 = data0.target;if(typeof data2 !== "string"){const err3 = {instancePath:instancePath+"/" + i0+"/target",schemaPath:"#/items/oneOf/1/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.items.oneOf[1].properties.target.type,parentSchema:schema13.items.oneOf[1].properties.target,data:data2};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data0.uid !== undefined){let data3 = data0.uid;if(typeof data3 !== "string"){const err4 = {instancePath:instancePath+"/" + i0+"/uid",schemaPath:"#/items/oneOf/1/properties/uid/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.items.oneOf[1].properties.uid.type,parentSchema:schema13.items.oneOf[1].properties.uid,data:data3};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data0.gid !== undefined){let data4 = data0.gid;if(typeof data4 !== "string"){const err5 = {instancePath:instancePath+"/" + i0+"/gid",schemaPath:"#/items/oneOf/1/properties/gid/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.items.oneOf[1].properties.gid.type,parentSchema:schema13.items.oneOf[1].properties.gid,data:data4};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data0.mode !== undefined){let data5 = data0.mode;if((!(typeof data5 == "number")) && (typeof data5 !== "string")){const err6 = {instancePath:instancePath+"/" + i0+"/mode",schemaPath:"#/items/oneOf/1/properties/mode/type",keyword:"type",params:{type: schema13.items.oneOf[1].properties.mode.type},message:"must be number,string",schema:schema13.items.oneOf[1].properties.mode.type,parentSchema:schema13.items.oneOf[1].properties.mode,data:data5};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}else {const err7 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.items.oneOf[1].type,parentSchema:schema13.items.oneOf[1],data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}var _valid0 = _errs5 === errors;if(_valid0 && valid2){valid2 = false;passing0 = [passing0, 1];}else {if(_valid0){valid2 = true;passing0 = 1;}}if(!valid2){const err8 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema13.items.oneOf,parentSchema:schema13.items,data:data0};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}else {errors = _errs2;if(vErrors !== null){if(_errs2){vErrors.length = _errs2;}else {vErrors = null;}}}}}else {const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.type,parentSchema:schema13,data};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}validate37.errors = vErrors;return errors === 0;}validate37.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};const schema14 = {"type":"object","description":"Container ulimit options, controlling resource limits for processes inside the container.","patternProperties":{"^[a-z]+$":{"oneOf":[{"type":["integer","string"],"description":"Single value for both soft and hard limits."},{"type":"object","description":"Separate soft and hard limits.","properties":{"hard":{"type":["integer","string"],"description":"Hard limit for the ulimit type. This is the maximum allowed value."},"soft":{"type":["integer","string"],"description":"Soft limit for the ulimit type. This is the value that's actually enforced."}},"required":["soft","hard"],"additionalProperties":false,"patternProperties":{"^x-":{}}}]}}};const pattern25 = new RegExp("^[a-z]+$", "u");function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate39.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){var props0 = {};for(const key0 in data){if(pattern25.test(key0)){let data0 = data[key0];const _errs2 = errors;let valid1 = false;let passing0 = null;const _errs3 = errors;if((!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))) && (typeof data0 !== "string")){const err0 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/patternProperties/%5E%5Ba-z%5D%2B%24/oneOf/0/type",keyword:"type",params:{type: schema14.patternProperties["^[a-z]+$"].oneOf[0].type},message:"must be integer,string",schema:schema14.patternProperties["^[a-z]+$"].oneOf[0].type,parentSchema:schema14.patternProperties["^[a-z]+$"].oneOf[0],data:data0};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}var _valid0 = _errs3 === errors;if(_valid0){valid1 = true;passing0 = 0;}const _errs5 = errors;if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.soft === undefined){const err1 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/patternProperties/%5E%5Ba-z%5D%2B%24/oneOf/1/required",keyword:"required",params:{missingProperty: "soft"},message:"must have required property '"+"soft"+"'",schema:schema14.patternProperties["^[a-z]+$"].oneOf[1].required,parentSchema:schema14.patternProperties["^[a-z]+$"].oneOf[1],data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data0.hard === undefined){const err2 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/patternProperties/%5E%5Ba-z%5D%2B%24/oneOf/1/required",keyword:"required",params:{missingProperty: "hard"},message:"must have required property '"+"hard"+"'",schema:schema14.patternProperties["^[a-z]+$"].oneOf[1].required,parentSchema:schema14.patternProperties["^[a-z]+$"].oneOf[1],data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}for(const key1 in data0){if(!(((key1 === "hard") || (key1 === "soft")) || (pattern0.test(key1)))){const err3 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/patternProperties/%5E%5Ba-z%5D%2B%24/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema14.patternProperties["^[a-z]+$"].oneOf[1],data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data0.hard !== undefined){let data1 = data0.hard;if((!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))) && (typeof data1 !== "string")){const err4 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/hard",schemaPath:"#/patternProperties/%5E%5Ba-z%5D%2B%24/oneOf/1/properties/hard/type",keyword:"type",params:{type: schema14.patternProperties["^[a-z]+$"].oneOf[1].properties.hard.type},message:"must be integer,string",schema:schema14.patternProperties["^[a-z]+$"].oneOf[1].properties.hard.type,parentSchema:schema14.patternProperties["^[a-z]+$"].oneOf[1].properties.hard,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data0.soft !== undefined){let data2 = data0.soft;if((!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))) && (typeof data2 !== "string")){const err5 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/soft",schemaPath:"#/patternProperties/%5E%5Ba-z%5D%2B%24/oneOf/1/properties/soft/type",keyword:"type",params:{type: schema14.patternProperties["^[a-z]+$"].oneOf[1].properties.soft.type},message:"must be integer,string",schema:schema14.patternProperties["^[a-z]+$"].oneOf[1].properties.soft.type,parentSchema:schema14.patternProperties["^[a-z]+$"].oneOf[1].properties.soft,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}else {const err6 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/patternProperties/%5E%5Ba-z%5D%2B%24/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.patternProperties["^[a-z]+$"].oneOf[1].type,parentSchema:schema14.patternProperties["^[a-z]+$"].oneOf[1],data:data0};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}var _valid0 = _errs5 === errors;if(_valid0 && valid1){valid1 = false;passing0 = [passing0, 1];}else {if(_valid0){valid1 = true;passing0 = 1;}}if(!valid1){const err7 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/patternProperties/%5E%5Ba-z%5D%2B%24/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema14.patternProperties["^[a-z]+$"].oneOf,parentSchema:schema14.patternProperties["^[a-z]+$"],data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}else {errors = _errs2;if(vErrors !== null){if(_errs2){vErrors.length = _errs2;}else {vErrors = null;}}}props0[key0] = true;}}}else {const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}validate39.errors = vErrors;evaluated0.props = props0;return errors === 0;}validate39.evaluated = {"dynamicProps":true,"dynamicItems":false};const schema15 = {"type":"object","description":"Block IO limit for a specific device.","properties":{"path":{"type":"string","description":"Path to the device (e.g., '/dev/sda')."},"rate":{"type":["integer","string"],"description":"Rate limit in bytes per second or IO operations per second."}},"additionalProperties":false};function validate41(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate41.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((key0 === "path") || (key0 === "rate"))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema15,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.path !== undefined){let data0 = data.path;if(typeof data0 !== "string"){const err1 = {instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.path.type,parentSchema:schema15.properties.path,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.rate !== undefined){let data1 = data.rate;if((!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))) && (typeof data1 !== "string")){const err2 = {instancePath:instancePath+"/rate",schemaPath:"#/properties/rate/type",keyword:"type",params:{type: schema15.properties.rate.type},message:"must be integer,string",schema:schema15.properties.rate.type,parentSchema:schema15.properties.rate,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}}else {const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.type,parentSchema:schema15,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}validate41.errors = vErrors;return errors === 0;}validate41.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const schema16 = {"type":"object","description":"Block IO weight for a specific device.","properties":{"path":{"type":"string","description":"Path to the device (e.g., '/dev/sda')."},"weight":{"type":["integer","string"],"description":"Relative weight for the device, between 10 and 1000."}},"additionalProperties":false};function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate46.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((key0 === "path") || (key0 === "weight"))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema16,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.path !== undefined){let data0 = data.path;if(typeof data0 !== "string"){const err1 = {instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.path.type,parentSchema:schema16.properties.path,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.weight !== undefined){let data1 = data.weight;if((!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))) && (typeof data1 !== "string")){const err2 = {instancePath:instancePath+"/weight",schemaPath:"#/properties/weight/type",keyword:"type",params:{type: schema16.properties.weight.type},message:"must be integer,string",schema:schema16.properties.weight.type,parentSchema:schema16.properties.weight,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}}else {const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}validate46.errors = vErrors;return errors === 0;}validate46.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const schema17 = {"oneOf":[{"type":"string","description":"Path to a file containing environment variables."},{"type":"array","description":"List of paths to files containing environment variables.","items":{"oneOf":[{"type":"string","description":"Path to a file containing environment variables."},{"type":"object","description":"Detailed configuration for an environment file.","additionalProperties":false,"properties":{"path":{"type":"string","description":"Path to the environment file."},"format":{"type":"string","description":"Format attribute lets you to use an alternative file formats for env_file. When not set, env_file is parsed according to Compose rules."},"required":{"type":["boolean","string"],"default":true,"description":"Whether the file is required. If true and the file doesn't exist, an error will be raised."}},"required":["path"]}]}}]};function validate55(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate55.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}const _errs0 = errors;let valid0 = false;let passing0 = null;const _errs1 = errors;if(typeof data !== "string"){const err0 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.oneOf[0].type,parentSchema:schema17.oneOf[0],data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}var _valid0 = _errs1 === errors;if(_valid0){valid0 = true;passing0 = 0;}const _errs3 = errors;if(Array.isArray(data)){const len0 = data.length;for(let i0=0; i0<len0; i0++){let data0 = data[i0];const _errs6 = errors;let valid3 = false;let passing1 = null;const _errs7 = errors;if(typeof data0 !== "string"){const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/oneOf/1/items/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.oneOf[1].items.oneOf[0].type,parentSchema:schema17.oneOf[1].items.oneOf[0],data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}var _valid1 = _errs7 === errors;if(_valid1){valid3 = true;passing1 = 0;}const _errs9 = errors;if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.path === undefined){const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/oneOf/1/items/oneOf/1/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema17.oneOf[1].items.oneOf[1].required,parentSchema:schema17.oneOf[1].items.oneOf[1],data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}for(const key0 in data0){if(!(((key0 === "path") || (key0 === "format")) || (key0 === "required"))){const err3 = {instancePath:instancePath+"/" + i0,schemaPath:"#/oneOf/1/items/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema17.oneOf[1].items.oneOf[1],data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data0.path !== undefined){let data1 = data0.path;if(typeof data1 !== "string"){const err4 = {instancePath:instancePath+"/" + i0+"/path",schemaPath:"#/oneOf/1/items/oneOf/1/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.oneOf[1].items.oneOf[1].properties.path.type,parentSchema:schema17.oneOf[1].items.oneOf[1].properties.path,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data0.format !== undefined){let data2 = data0.format;if(typeof data2 !== "string"){const err5 = {instancePath:instancePath+"/" + i0+"/format",schemaPath:"#/oneOf/1/items/oneOf/1/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.oneOf[1].items.oneOf[1].properties.format.type,parentSchema:schema17.oneOf[1].items.oneOf[1].properties.format,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data0.required !== undefined){let data3 = data0.required;if((typeof data3 !== "boolean") && (typeof data3 !== "string")){const err6 = {instancePath:instancePath+"/" + i0+"/required",schemaPath:"#/oneOf/1/items/oneOf/1/properties/required/type",keyword:"type",params:{type: schema17.oneOf[1].items.oneOf[1].properties.required.type},message:"must be boolean,string",schema:schema17.oneOf[1].items.oneOf[1].properties.required.type,parentSchema:schema17.oneOf[1].items.oneOf[1].properties.required,data:data3};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}else {const err7 = {instancePath:instancePath+"/" + i0,schemaPath:"#/oneOf/1/items/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.oneOf[1].items.oneOf[1].type,parentSchema:schema17.oneOf[1].items.oneOf[1],data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}var _valid1 = _errs9 === errors;if(_valid1 && valid3){valid3 = false;passing1 = [passing1, 1];}else {if(_valid1){valid3 = true;passing1 = 1;}}if(!valid3){const err8 = {instancePath:instancePath+"/" + i0,schemaPath:"#/oneOf/1/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf",schema:schema17.oneOf[1].items.oneOf,parentSchema:schema17.oneOf[1].items,data:data0};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}else {errors = _errs6;if(vErrors !== null){if(_errs6){vErrors.length = _errs6;}else {vErrors = null;}}}}}else {const err9 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema17.oneOf[1].type,parentSchema:schema17.oneOf[1],data};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}var _valid0 = _errs3 === errors;if(_valid0 && valid0){valid0 = false;passing0 = [passing0, 1];}else {if(_valid0){valid0 = true;passing0 = 1;var items0 = true;}}if(!valid0){const err10 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema17.oneOf,parentSchema:schema17,data};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}else {errors = _errs0;if(vErrors !== null){if(_errs0){vErrors.length = _errs0;}else {vErrors = null;}}}validate55.errors = vErrors;evaluated0.items = items0;return errors === 0;}validate55.evaluated = {"dynamicProps":false,"dynamicItems":true};const schema18 = {"oneOf":[{"type":"string","description":"Path to a file containing Docker labels."},{"type":"array","description":"List of paths to files containing Docker labels.","items":{"type":"string","description":"Path to a file containing Docker labels."}}]};function validate57(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate57.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}const _errs0 = errors;let valid0 = false;let passing0 = null;const _errs1 = errors;if(typeof data !== "string"){const err0 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.oneOf[0].type,parentSchema:schema18.oneOf[0],data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}var _valid0 = _errs1 === errors;if(_valid0){valid0 = true;passing0 = 0;}const _errs3 = errors;if(Array.isArray(data)){const len0 = data.length;for(let i0=0; i0<len0; i0++){let data0 = data[i0];if(typeof data0 !== "string"){const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.oneOf[1].items.type,parentSchema:schema18.oneOf[1].items,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}}else {const err2 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema18.oneOf[1].type,parentSchema:schema18.oneOf[1],data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}var _valid0 = _errs3 === errors;if(_valid0 && valid0){valid0 = false;passing0 = [passing0, 1];}else {if(_valid0){valid0 = true;passing0 = 1;var items0 = true;}}if(!valid0){const err3 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema18.oneOf,parentSchema:schema18,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}else {errors = _errs0;if(vErrors !== null){if(_errs0){vErrors.length = _errs0;}else {vErrors = null;}}}validate57.errors = vErrors;evaluated0.items = items0;return errors === 0;}validate57.evaluated = {"dynamicProps":false,"dynamicItems":true};const schema19 = {"oneOf":[{"type":"string","enum":["all"],"description":"Use all available GPUs."},{"type":"array","description":"List of specific GPU devices to use.","items":{"type":"object","properties":{"capabilities":{"$ref":"#/$defs/list_of_strings","description":"List of capabilities the GPU needs to have (e.g., 'compute', 'utility')."},"count":{"type":["string","integer"],"description":"Number of GPUs to use."},"device_ids":{"$ref":"#/$defs/list_of_strings","description":"List of specific GPU device IDs to use."},"driver":{"type":"string","description":"GPU driver to use (e.g., 'nvidia')."},"options":{"$ref":"#/$defs/list_or_dict","description":"Driver-specific options for the GPU."}}},"additionalProperties":false,"patternProperties":{"^x-":{}}}]};function validate61(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate61.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}const _errs0 = errors;let valid0 = false;let passing0 = null;const _errs1 = errors;if(typeof data !== "string"){const err0 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.oneOf[0].type,parentSchema:schema19.oneOf[0],data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(!(data === "all")){const err1 = {instancePath,schemaPath:"#/oneOf/0/enum",keyword:"enum",params:{allowedValues: schema19.oneOf[0].enum},message:"must be equal to one of the allowed values",schema:schema19.oneOf[0].enum,parentSchema:schema19.oneOf[0],data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}var _valid0 = _errs1 === errors;if(_valid0){valid0 = true;passing0 = 0;}const _errs3 = errors;if(Array.isArray(data)){const len0 = data.length;for(let i0=0; i0<len0; i0++){let data0 = data[i0];if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.capabilities !== undefined){if(!(validate3(data0.capabilities, {instancePath:instancePath+"/" + i0+"/capabilities",parentData:data0,parentDataProperty:"capabilities",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);errors = vErrors.length;}}if(data0.count !== undefined){let data2 = data0.count;if((typeof data2 !== "string") && (!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))))){const err2 = {instancePath:instancePath+"/" + i0+"/count",schemaPath:"#/oneOf/1/items/properties/count/type",keyword:"type",params:{type: schema19.oneOf[1].items.properties.count.type},message:"must be string,integer",schema:schema19.oneOf[1].items.properties.count.type,parentSchema:schema19.oneOf[1].items.properties.count,data:data2};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data0.device_ids !== undefined){if(!(validate3(data0.device_ids, {instancePath:instancePath+"/" + i0+"/device_ids",parentData:data0,parentDataProperty:"device_ids",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);errors = vErrors.length;}}if(data0.driver !== undefined){let data4 = data0.driver;if(typeof data4 !== "string"){const err3 = {instancePath:instancePath+"/" + i0+"/driver",schemaPath:"#/oneOf/1/items/properties/driver/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.oneOf[1].items.properties.driver.type,parentSchema:schema19.oneOf[1].items.properties.driver,data:data4};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data0.options !== undefined){if(!(validate15(data0.options, {instancePath:instancePath+"/" + i0+"/options",parentData:data0,parentDataProperty:"options",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}}else {const err4 = {instancePath:instancePath+"/" + i0,schemaPath:"#/oneOf/1/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.oneOf[1].items.type,parentSchema:schema19.oneOf[1].items,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}}else {const err5 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema19.oneOf[1].type,parentSchema:schema19.oneOf[1],data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(pattern0.test(key0))){const err6 = {instancePath,schemaPath:"#/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema19.oneOf[1],data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}var _valid0 = _errs3 === errors;if(_valid0 && valid0){valid0 = false;passing0 = [passing0, 1];}else {if(_valid0){valid0 = true;passing0 = 1;var props1 = true;var items1 = true;}}if(!valid0){const err7 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema19.oneOf,parentSchema:schema19,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}else {errors = _errs0;if(vErrors !== null){if(_errs0){vErrors.length = _errs0;}else {vErrors = null;}}}validate61.errors = vErrors;evaluated0.props = props1;evaluated0.items = items1;return errors === 0;}validate61.evaluated = {"dynamicProps":true,"dynamicItems":true};const schema20 = {"type":"object","description":"Configuration options to determine whether the container is healthy.","properties":{"disable":{"type":["boolean","string"],"description":"Disable any container-specified healthcheck. Set to true to disable."},"interval":{"type":"string","description":"Time between running the check (e.g., '1s', '1m30s'). Default: 30s."},"retries":{"type":["number","string"],"description":"Number of consecutive failures needed to consider the container as unhealthy. Default: 3."},"test":{"oneOf":[{"type":"string"},{"type":"array","items":{"type":"string"}}],"description":"The test to perform to check container health. Can be a string or a list. The first item is either NONE, CMD, or CMD-SHELL. If it's CMD, the rest of the command is exec'd. If it's CMD-SHELL, the rest is run in the shell."},"timeout":{"type":"string","description":"Maximum time to allow one check to run (e.g., '1s', '1m30s'). Default: 30s."},"start_period":{"type":"string","description":"Start period for the container to initialize before starting health-retries countdown (e.g., '1s', '1m30s'). Default: 0s."},"start_interval":{"type":"string","description":"Time between running the check during the start period (e.g., '1s', '1m30s'). Default: interval value."}},"additionalProperties":false,"patternProperties":{"^x-":{}}};function validate66(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate66.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((((((((key0 === "disable") || (key0 === "interval")) || (key0 === "retries")) || (key0 === "test")) || (key0 === "timeout")) || (key0 === "start_period")) || (key0 === "start_interval")) || (pattern0.test(key0)))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema20,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.disable !== undefined){let data0 = data.disable;if((typeof data0 !== "boolean") && (typeof data0 !== "string")){const err1 = {instancePath:instancePath+"/disable",schemaPath:"#/properties/disable/type",keyword:"type",params:{type: schema20.properties.disable.type},message:"must be boolean,string",schema:schema20.properties.disable.type,parentSchema:schema20.properties.disable,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.interval !== undefined){let data1 = data.interval;if(typeof data1 !== "string"){const err2 = {instancePath:instancePath+"/interval",schemaPath:"#/properties/interval/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.interval.type,parentSchema:schema20.properties.interval,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.retries !== undefined){let data2 = data.retries;if((!(typeof data2 == "number")) && (typeof data2 !== "string")){const err3 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/type",keyword:"type",params:{type: schema20.properties.retries.type},message:"must be number,string",schema:schema20.properties.retries.type,parentSchema:schema20.properties.retries,data:data2};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.test !== undefined){let data3 = data.test;const _errs9 = errors;let valid1 = false;let passing0 = null;const _errs10 = errors;if(typeof data3 !== "string"){const err4 = {instancePath:instancePath+"/test",schemaPath:"#/properties/test/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.test.oneOf[0].type,parentSchema:schema20.properties.test.oneOf[0],data:data3};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}var _valid0 = _errs10 === errors;if(_valid0){valid1 = true;passing0 = 0;}const _errs12 = errors;if(Array.isArray(data3)){const len0 = data3.length;for(let i0=0; i0<len0; i0++){let data4 = data3[i0];if(typeof data4 !== "string"){const err5 = {instancePath:instancePath+"/test/" + i0,schemaPath:"#/properties/test/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.test.oneOf[1].items.type,parentSchema:schema20.properties.test.oneOf[1].items,data:data4};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}else {const err6 = {instancePath:instancePath+"/test",schemaPath:"#/properties/test/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema20.properties.test.oneOf[1].type,parentSchema:schema20.properties.test.oneOf[1],data:data3};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}var _valid0 = _errs12 === errors;if(_valid0 && valid1){valid1 = false;passing0 = [passing0, 1];}else {if(_valid0){valid1 = true;passing0 = 1;}}if(!valid1){const err7 = {instancePath:instancePath+"/test",schemaPath:"#/properties/test/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema20.properties.test.oneOf,parentSchema:schema20.properties.test,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}else {errors = _errs9;if(vErrors !== null){if(_errs9){vErrors.length = _errs9;}else {vErrors = null;}}}}if(data.timeout !== undefined){let data5 = data.timeout;if(typeof data5 !== "string"){const err8 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.timeout.type,parentSchema:schema20.properties.timeout,data:data5};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.start_period !== undefined){let data6 = data.start_period;if(typeof data6 !== "string"){const err9 = {instancePath:instancePath+"/start_period",schemaPath:"#/properties/start_period/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.start_period.type,parentSchema:schema20.properties.start_period,data:data6};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.start_interval !== undefined){let data7 = data.start_interval;if(typeof data7 !== "string"){const err10 = {instancePath:instancePath+"/start_interval",schemaPath:"#/properties/start_interval/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.start_interval.type,parentSchema:schema20.properties.start_interval,data:data7};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.type,parentSchema:schema20,data};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}validate66.errors = vErrors;return errors === 0;}validate66.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const schema21 = {"type":"object","description":"Configuration for a pre_start init container, run to completion before the service container starts.","properties":{"command":{"$ref":"#/$defs/command","description":"Command to execute. Optional when the chosen image's entrypoint already runs the intended command."},"image":{"type":"string","description":"Image used for the ephemeral container. If omitted, the parent service's image is used."},"user":{"type":"string","description":"User to run the command as. Defaults to the user declared in image (or to the service's user when image is omitted)."},"privileged":{"type":["boolean","string"],"description":"Whether to run the command with extended privileges."},"working_dir":{"type":"string","description":"Working directory for the command. Defaults to the service's working directory."},"environment":{"$ref":"#/$defs/list_or_dict","description":"Environment variables for the command. Appended to or overriding the service environment."},"per_replica":{"type":["boolean","string"],"description":"Whether the hook runs once per service replica (true), or once for the service as a whole before any replica starts (false, the default)."}},"additionalProperties":false,"patternProperties":{"^x-":{}}};function validate73(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate73.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((((((((key0 === "command") || (key0 === "image")) || (key0 === "user")) || (key0 === "privileged")) || (key0 === "working_dir")) || (key0 === "environment")) || (key0 === "per_replica")) || (pattern0.test(key0)))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema21,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.command !== undefined){if(!(validate13(data.command, {instancePath:instancePath+"/command",parentData:data,parentDataProperty:"command",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}if(data.image !== undefined){let data1 = data.image;if(typeof data1 !== "string"){const err1 = {instancePath:instancePath+"/image",schemaPath:"#/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.image.type,parentSchema:schema21.properties.image,data:data1};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.user !== undefined){let data2 = data.user;if(typeof data2 !== "string"){const err2 = {instancePath:instancePath+"/user",schemaPath:"#/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.user.type,parentSchema:schema21.properties.user,data:data2};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.privileged !== undefined){let data3 = data.privileged;if((typeof data3 !== "boolean") && (typeof data3 !== "string")){const err3 = {instancePath:instancePath+"/privileged",schemaPath:"#/properties/privileged/type",keyword:"type",params:{type: schema21.properties.privileged.type},message:"must be boolean,string",schema:schema21.properties.privileged.type,parentSchema:schema21.properties.privileged,data:data3};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.working_dir !== undefined){let data4 = data.working_dir;if(typeof data4 !== "string"){const err4 = {instancePath:instancePath+"/working_dir",schemaPath:"#/properties/working_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.working_dir.type,parentSchema:schema21.properties.working_dir,data:data4};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.environment !== undefined){if(!(validate15(data.environment, {instancePath:instancePath+"/environment",parentData:data,parentDataProperty:"environment",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data.per_replica !== undefined){let data6 = data.per_replica;if((typeof data6 !== "boolean") && (typeof data6 !== "string")){const err5 = {instancePath:instancePath+"/per_replica",schemaPath:"#/properties/per_replica/type",keyword:"type",params:{type: schema21.properties.per_replica.type},message:"must be boolean,string",schema:schema21.properties.per_replica.type,parentSchema:schema21.properties.per_replica,data:data6};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}else {const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.type,parentSchema:schema21,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}validate73.errors = vErrors;return errors === 0;}validate73.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};function validate8(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate8.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((func0.call(schema4.properties, key0)) || (pattern0.test(key0)))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema4,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.develop !== undefined){if(!(validate9(data.develop, {instancePath:instancePath+"/develop",parentData:data,parentDataProperty:"develop",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate9.errors : vErrors.concat(validate9.errors);errors = vErrors.length;}}if(data.deploy !== undefined){if(!(validate19(data.deploy, {instancePath:instancePath+"/deploy",parentData:data,parentDataProperty:"deploy",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);errors = vErrors.length;}}if(data.annotations !== undefined){if(!(validate15(data.annotations, {instancePath:instancePath+"/annotations",parentData:data,parentDataProperty:"annotations",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data.attach !== undefined){let data3 = data.attach;if((typeof data3 !== "boolean") && (typeof data3 !== "string")){const err1 = {instancePath:instancePath+"/attach",schemaPath:"#/properties/attach/type",keyword:"type",params:{type: schema4.properties.attach.type},message:"must be boolean,string",schema:schema4.properties.attach.type,parentSchema:schema4.properties.attach,data:data3};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.build !== undefined){let data4 = data.build;const _errs8 = errors;let valid1 = false;let passing0 = null;const _errs9 = errors;if(typeof data4 !== "string"){const err2 = {instancePath:instancePath+"/build",schemaPath:"#/properties/build/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.build.oneOf[0].type,parentSchema:schema4.properties.build.oneOf[0],data:data4};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}var _valid0 = _errs9 === errors;if(_valid0){valid1 = true;passing0 = 0;}const _errs11 = errors;if(data4 && typeof data4 == "object" && !Array.isArray(data4)){for(const key1 in data4){if(!((func0.call(schema4.properties.build.oneOf[1].properties, key1)) || (pattern0.test(key1)))){const err3 = {instancePath:instancePath+"/build",schemaPath:"#/properties/build/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.build.oneOf[1],data:data4};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data4.context !== undefined){let data5 = data4.context;if(typeof data5 !== "string"){const err4 = {instancePath:instancePath+"/build/context",schemaPath:"#/properties/build/oneOf/1/properties/context/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.build.oneOf[1].properties.context.type,parentSchema:schema4.properties.build.oneOf[1].properties.context,data:data5};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data4.dockerfile !== undefined){let data6 = data4.dockerfile;if(typeof data6 !== "string"){const err5 = {instancePath:instancePath+"/build/dockerfile",schemaPath:"#/properties/build/oneOf/1/properties/dockerfile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.build.oneOf[1].properties.dockerfile.type,parentSchema:schema4.properties.build.oneOf[1].properties.dockerfile,data:data6};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data4.dockerfile_inline !== undefined){let data7 = data4.dockerfile_inline;if(typeof data7 !== "string"){const err6 = {instancePath:instancePath+"/build/dockerfile_inline",schemaPath:"#/properties/build/oneOf/1/properties/dockerfile_inline/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.build.oneOf[1].properties.dockerfile_inline.type,parentSchema:schema4.properties.build.oneOf[1].properties.dockerfile_inline,data:data7};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data4.entitlements !== undefined){let data8 = data4.entitlements;if(Array.isArray(data8)){const len0 = data8.length;for(let i0=0; i0<len0; i0++){let data9 = data8[i0];if(typeof data9 !== "string"){const err7 = {instancePath:instancePath+"/build/entitlements/" + i0,schemaPath:"#/properties/build/oneOf/1/properties/entitlements/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.build.oneOf[1].properties.entitlements.items.type,parentSchema:schema4.properties.build.oneOf[1].properties.entitlements.items,data:data9};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}}else {const err8 = {instancePath:instancePath+"/build/entitlements",schemaPath:"#/properties/build/oneOf/1/properties/entitlements/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.build.oneOf[1].properties.entitlements.type,parentSchema:schema4.properties.build.oneOf[1].properties.entitlements,data:data8};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data4.args !== undefined){if(!(validate15(data4.args, {instancePath:instancePath+"/build/args",parentData:data4,parentDataProperty:"args",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data4.ssh !== undefined){if(!(validate15(data4.ssh, {instancePath:instancePath+"/build/ssh",parentData:data4,parentDataProperty:"ssh",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data4.labels !== undefined){if(!(validate15(data4.labels, {instancePath:instancePath+"/build/labels",parentData:data4,parentDataProperty:"labels",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data4.cache_from !== undefined){let data13 = data4.cache_from;if(Array.isArray(data13)){const len1 = data13.length;for(let i1=0; i1<len1; i1++){let data14 = data13[i1];if(typeof data14 !== "string"){const err9 = {instancePath:instancePath+"/build/cache_from/" + i1,schemaPath:"#/properties/build/oneOf/1/properties/cache_from/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.build.oneOf[1].properties.cache_from.items.type,parentSchema:schema4.properties.build.oneOf[1].properties.cache_from.items,data:data14};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}else {const err10 = {instancePath:instancePath+"/build/cache_from",schemaPath:"#/properties/build/oneOf/1/properties/cache_from/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.build.oneOf[1].properties.cache_from.type,parentSchema:schema4.properties.build.oneOf[1].properties.cache_from,data:data13};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data4.cache_to !== undefined){let data15 = data4.cache_to;if(Array.isArray(data15)){const len2 = data15.length;for(let i2=0; i2<len2; i2++){let data16 = data15[i2];if(typeof data16 !== "string"){const err11 = {instancePath:instancePath+"/build/cache_to/" + i2,schemaPath:"#/properties/build/oneOf/1/properties/cache_to/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.build.oneOf[1].properties.cache_to.items.type,parentSchema:schema4.properties.build.oneOf[1].properties.cache_to.items,data:data16};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}else {const err12 = {instancePath:instancePath+"/build/cache_to",schemaPath:"#/properties/build/oneOf/1/properties/cache_to/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.build.oneOf[1].properties.cache_to.type,parentSchema:schema4.properties.build.oneOf[1].properties.cache_to,data:data15};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data4.no_cache !== undefined){let data17 = data4.no_cache;if((typeof data17 !== "boolean") && (typeof data17 !== "string")){const err13 = {instancePath:instancePath+"/build/no_cache",schemaPath:"#/properties/build/oneOf/1/properties/no_cache/type",keyword:"type",params:{type: schema4.properties.build.oneOf[1].properties.no_cache.type},message:"must be boolean,string",schema:schema4.properties.build.oneOf[1].properties.no_cache.type,parentSchema:schema4.properties.build.oneOf[1].properties.no_cache,data:data17};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data4.no_cache_filter !== undefined){if(!(validate2(data4.no_cache_filter, {instancePath:instancePath+"/build/no_cache_filter",parentData:data4,parentDataProperty:"no_cache_filter",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate2.errors : vErrors.concat(validate2.errors);errors = vErrors.length;}}if(data4.additional_contexts !== undefined){if(!(validate15(data4.additional_contexts, {instancePath:instancePath+"/build/additional_contexts",parentData:data4,parentDataProperty:"additional_contexts",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data4.network !== undefined){let data20 = data4.network;if(typeof data20 !== "string"){const err14 = {instancePath:instancePath+"/build/network",schemaPath:"#/properties/build/oneOf/1/properties/network/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.build.oneOf[1].properties.network.type,parentSchema:schema4.properties.build.oneOf[1].properties.network,data:data20};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data4.provenance !== undefined){let data21 = data4.provenance;if((typeof data21 !== "string") && (typeof data21 !== "boolean")){const err15 = {instancePath:instancePath+"/build/provenance",schemaPath:"#/properties/build/oneOf/1/properties/provenance/type",keyword:"type",params:{type: schema4.properties.build.oneOf[1].properties.provenance.type},message:"must be string,boolean",schema:schema4.properties.build.oneOf[1].properties.provenance.type,parentSchema:schema4.properties.build.oneOf[1].properties.provenance,data:data21};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data4.sbom !== undefined){let data22 = data4.sbom;if((typeof data22 !== "string") && (typeof data22 !== "boolean")){const err16 = {instancePath:instancePath+"/build/sbom",schemaPath:"#/properties/build/oneOf/1/properties/sbom/type",keyword:"type",params:{type: schema4.properties.build.oneOf[1].properties.sbom.type},message:"must be string,boolean",schema:schema4.properties.build.oneOf[1].properties.sbom.type,parentSchema:schema4.properties.build.oneOf[1].properties.sbom,data:data22};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data4.pull !== undefined){let data23 = data4.pull;if((typeof data23 !== "boolean") && (typeof data23 !== "string")){const err17 = {instancePath:instancePath+"/build/pull",schemaPath:"#/properties/build/oneOf/1/properties/pull/type",keyword:"type",params:{type: schema4.properties.build.oneOf[1].properties.pull.type},message:"must be boolean,string",schema:schema4.properties.build.oneOf[1].properties.pull.type,parentSchema:schema4.properties.build.oneOf[1].properties.pull,data:data23};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data4.target !== undefined){let data24 = data4.target;if(typeof data24 !== "string"){const err18 = {instancePath:instancePath+"/build/target",schemaPath:"#/properties/build/oneOf/1/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.build.oneOf[1].properties.target.type,parentSchema:schema4.properties.build.oneOf[1].properties.target,data:data24};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data4.shm_size !== undefined){let data25 = data4.shm_size;if((!((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25)))) && (typeof data25 !== "string")){const err19 = {instancePath:instancePath+"/build/shm_size",schemaPath:"#/properties/build/oneOf/1/properties/shm_size/type",keyword:"type",params:{type: schema4.properties.build.oneOf[1].properties.shm_size.type},message:"must be integer,string",schema:schema4.properties.build.oneOf[1].properties.shm_size.type,parentSchema:schema4.properties.build.oneOf[1].properties.shm_size,data:data25};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data4.extra_hosts !== undefined){if(!(validate35(data4.extra_hosts, {instancePath:instancePath+"/build/extra_hosts",parentData:data4,parentDataProperty:"extra_hosts",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);errors = vErrors.length;}}if(data4.isolation !== undefined){let data27 = data4.isolation;if(typeof data27 !== "string"){const err20 = {instancePath:instancePath+"/build/isolation",schemaPath:"#/properties/build/oneOf/1/properties/isolation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.build.oneOf[1].properties.isolation.type,parentSchema:schema4.properties.build.oneOf[1].properties.isolation,data:data27};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data4.privileged !== undefined){let data28 = data4.privileged;if((typeof data28 !== "boolean") && (typeof data28 !== "string")){const err21 = {instancePath:instancePath+"/build/privileged",schemaPath:"#/properties/build/oneOf/1/properties/privileged/type",keyword:"type",params:{type: schema4.properties.build.oneOf[1].properties.privileged.type},message:"must be boolean,string",schema:schema4.properties.build.oneOf[1].properties.privileged.type,parentSchema:schema4.properties.build.oneOf[1].properties.privileged,data:data28};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data4.secrets !== undefined){if(!(validate37(data4.secrets, {instancePath:instancePath+"/build/secrets",parentData:data4,parentDataProperty:"secrets",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);errors = vErrors.length;}}if(data4.tags !== undefined){let data30 = data4.tags;if(Array.isArray(data30)){const len3 = data30.length;for(let i3=0; i3<len3; i3++){let data31 = data30[i3];if(typeof data31 !== "string"){const err22 = {instancePath:instancePath+"/build/tags/" + i3,schemaPath:"#/properties/build/oneOf/1/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.build.oneOf[1].properties.tags.items.type,parentSchema:schema4.properties.build.oneOf[1].properties.tags.items,data:data31};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}}else {const err23 = {instancePath:instancePath+"/build/tags",schemaPath:"#/properties/build/oneOf/1/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.build.oneOf[1].properties.tags.type,parentSchema:schema4.properties.build.oneOf[1].properties.tags,data:data30};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data4.ulimits !== undefined){if(!(validate39(data4.ulimits, {instancePath:instancePath+"/build/ulimits",parentData:data4,parentDataProperty:"ulimits",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);errors = vErrors.length;}}if(data4.platforms !== undefined){let data33 = data4.platforms;if(Array.isArray(data33)){const len4 = data33.length;for(let i4=0; i4<len4; i4++){let data34 = data33[i4];if(typeof data34 !== "string"){const err24 = {instancePath:instancePath+"/build/platforms/" + i4,schemaPath:"#/properties/build/oneOf/1/properties/platforms/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.build.oneOf[1].properties.platforms.items.type,parentSchema:schema4.properties.build.oneOf[1].properties.platforms.items,data:data34};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}else {const err25 = {instancePath:instancePath+"/build/platforms",schemaPath:"#/properties/build/oneOf/1/properties/platforms/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.build.oneOf[1].properties.platforms.type,parentSchema:schema4.properties.build.oneOf[1].properties.platforms,data:data33};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}}else {const err26 = {instancePath:instancePath+"/build",schemaPath:"#/properties/build/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.build.oneOf[1].type,parentSchema:schema4.properties.build.oneOf[1],data:data4};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}var _valid0 = _errs11 === errors;if(_valid0 && valid1){valid1 = false;passing0 = [passing0, 1];}else {if(_valid0){valid1 = true;passing0 = 1;}}if(!valid1){const err27 = {instancePath:instancePath+"/build",schemaPath:"#/properties/build/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema4.properties.build.oneOf,parentSchema:schema4.properties.build,data:data4};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}else {errors = _errs8;if(vErrors !== null){if(_errs8){vErrors.length = _errs8;}else {vErrors = null;}}}}if(data.blkio_config !== undefined){let data35 = data.blkio_config;if(data35 && typeof data35 == "object" && !Array.isArray(data35)){for(const key2 in data35){if(!((((((key2 === "device_read_bps") || (key2 === "device_read_iops")) || (key2 === "device_write_bps")) || (key2 === "device_write_iops")) || (key2 === "weight")) || (key2 === "weight_device"))){const err28 = {instancePath:instancePath+"/blkio_config",schemaPath:"#/properties/blkio_config/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.blkio_config,data:data35};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data35.device_read_bps !== undefined){let data36 = data35.device_read_bps;if(Array.isArray(data36)){const len5 = data36.length;for(let i5=0; i5<len5; i5++){if(!(validate41(data36[i5], {instancePath:instancePath+"/blkio_config/device_read_bps/" + i5,parentData:data36,parentDataProperty:i5,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);errors = vErrors.length;}}}else {const err29 = {instancePath:instancePath+"/blkio_config/device_read_bps",schemaPath:"#/properties/blkio_config/properties/device_read_bps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.blkio_config.properties.device_read_bps.type,parentSchema:schema4.properties.blkio_config.properties.device_read_bps,data:data36};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data35.device_read_iops !== undefined){let data38 = data35.device_read_iops;if(Array.isArray(data38)){const len6 = data38.length;for(let i6=0; i6<len6; i6++){if(!(validate41(data38[i6], {instancePath:instancePath+"/blkio_config/device_read_iops/" + i6,parentData:data38,parentDataProperty:i6,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);errors = vErrors.length;}}}else {const err30 = {instancePath:instancePath+"/blkio_config/device_read_iops",schemaPath:"#/properties/blkio_config/properties/device_read_iops/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.blkio_config.properties.device_read_iops.type,parentSchema:schema4.properties.blkio_config.properties.device_read_iops,data:data38};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data35.device_write_bps !== undefined){let data40 = data35.device_write_bps;if(Array.isArray(data40)){const len7 = data40.length;for(let i7=0; i7<len7; i7++){if(!(validate41(data40[i7], {instancePath:instancePath+"/blkio_config/device_write_bps/" + i7,parentData:data40,parentDataProperty:i7,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);errors = vErrors.length;}}}else {const err31 = {instancePath:instancePath+"/blkio_config/device_write_bps",schemaPath:"#/properties/blkio_config/properties/device_write_bps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.blkio_config.properties.device_write_bps.type,parentSchema:schema4.properties.blkio_config.properties.device_write_bps,data:data40};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data35.device_write_iops !== undefined){let data42 = data35.device_write_iops;if(Array.isArray(data42)){const len8 = data42.length;for(let i8=0; i8<len8; i8++){if(!(validate41(data42[i8], {instancePath:instancePath+"/blkio_config/device_write_iops/" + i8,parentData:data42,parentDataProperty:i8,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);errors = vErrors.length;}}}else {const err32 = {instancePath:instancePath+"/blkio_config/device_write_iops",schemaPath:"#/properties/blkio_config/properties/device_write_iops/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.blkio_config.properties.device_write_iops.type,parentSchema:schema4.properties.blkio_config.properties.device_write_iops,data:data42};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data35.weight !== undefined){let data44 = data35.weight;if((!((typeof data44 == "number") && (!(data44 % 1) && !isNaN(data44)))) && (typeof data44 !== "string")){const err33 = {instancePath:instancePath+"/blkio_config/weight",schemaPath:"#/properties/blkio_config/properties/weight/type",keyword:"type",params:{type: schema4.properties.blkio_config.properties.weight.type},message:"must be integer,string",schema:schema4.properties.blkio_config.properties.weight.type,parentSchema:schema4.properties.blkio_config.properties.weight,data:data44};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data35.weight_device !== undefined){let data45 = data35.weight_device;if(Array.isArray(data45)){const len9 = data45.length;for(let i9=0; i9<len9; i9++){if(!(validate46(data45[i9], {instancePath:instancePath+"/blkio_config/weight_device/" + i9,parentData:data45,parentDataProperty:i9,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);errors = vErrors.length;}}}else {const err34 = {instancePath:instancePath+"/blkio_config/weight_device",schemaPath:"#/properties/blkio_config/properties/weight_device/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.blkio_config.properties.weight_device.type,parentSchema:schema4.properties.blkio_config.properties.weight_device,data:data45};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}}else {const err35 = {instancePath:instancePath+"/blkio_config",schemaPath:"#/properties/blkio_config/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.blkio_config.type,parentSchema:schema4.properties.blkio_config,data:data35};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data.cap_add !== undefined){let data47 = data.cap_add;if(Array.isArray(data47)){const len10 = data47.length;for(let i10=0; i10<len10; i10++){let data48 = data47[i10];if(typeof data48 !== "string"){const err36 = {instancePath:instancePath+"/cap_add/" + i10,schemaPath:"#/properties/cap_add/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.cap_add.items.type,parentSchema:schema4.properties.cap_add.items,data:data48};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}let i11 = data47.length;let j0;if(i11 > 1){const indices0 = {};for(;i11--;){let item0 = data47[i11];if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j0 = indices0[item0];const err37 = {instancePath:instancePath+"/cap_add",schemaPath:"#/properties/cap_add/uniqueItems",keyword:"uniqueItems",params:{i: i11, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i11+" are identical)",schema:true,parentSchema:schema4.properties.cap_add,data:data47};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;break;}indices0[item0] = i11;}}}else {const err38 = {instancePath:instancePath+"/cap_add",schemaPath:"#/properties/cap_add/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.cap_add.type,parentSchema:schema4.properties.cap_add,data:data47};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}if(data.cap_drop !== undefined){let data49 = data.cap_drop;if(Array.isArray(data49)){const len11 = data49.length;for(let i12=0; i12<len11; i12++){let data50 = data49[i12];if(typeof data50 !== "string"){const err39 = {instancePath:instancePath+"/cap_drop/" + i12,schemaPath:"#/properties/cap_drop/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.cap_drop.items.type,parentSchema:schema4.properties.cap_drop.items,data:data50};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}let i13 = data49.length;let j1;if(i13 > 1){const indices1 = {};for(;i13--;){let item1 = data49[i13];if(typeof item1 !== "string"){continue;}if(typeof indices1[item1] == "number"){j1 = indices1[item1];const err40 = {instancePath:instancePath+"/cap_drop",schemaPath:"#/properties/cap_drop/uniqueItems",keyword:"uniqueItems",params:{i: i13, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i13+" are identical)",schema:true,parentSchema:schema4.properties.cap_drop,data:data49};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;break;}indices1[item1] = i13;}}}else {const err41 = {instancePath:instancePath+"/cap_drop",schemaPath:"#/properties/cap_drop/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.cap_drop.type,parentSchema:schema4.properties.cap_drop,data:data49};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}if(data.cgroup !== undefined){let data51 = data.cgroup;if(typeof data51 !== "string"){const err42 = {instancePath:instancePath+"/cgroup",schemaPath:"#/properties/cgroup/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.cgroup.type,parentSchema:schema4.properties.cgroup,data:data51};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}if(!((data51 === "host") || (data51 === "private"))){const err43 = {instancePath:instancePath+"/cgroup",schemaPath:"#/properties/cgroup/enum",keyword:"enum",params:{allowedValues: schema4.properties.cgroup.enum},message:"must be equal to one of the allowed values",schema:schema4.properties.cgroup.enum,parentSchema:schema4.properties.cgroup,data:data51};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}if(data.cgroup_parent !== undefined){let data52 = data.cgroup_parent;if(typeof data52 !== "string"){const err44 = {instancePath:instancePath+"/cgroup_parent",schemaPath:"#/properties/cgroup_parent/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.cgroup_parent.type,parentSchema:schema4.properties.cgroup_parent,data:data52};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}if(data.command !== undefined){if(!(validate13(data.command, {instancePath:instancePath+"/command",parentData:data,parentDataProperty:"command",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}if(data.configs !== undefined){if(!(validate37(data.configs, {instancePath:instancePath+"/configs",parentData:data,parentDataProperty:"configs",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);errors = vErrors.length;}}if(data.container_name !== undefined){let data55 = data.container_name;if(typeof data55 === "string"){if(!pattern27.test(data55)){const err45 = {instancePath:instancePath+"/container_name",schemaPath:"#/properties/container_name/pattern",keyword:"pattern",params:{pattern: "[a-zA-Z0-9][a-zA-Z0-9_.-]+"},message:"must match pattern \""+"[a-zA-Z0-9][a-zA-Z0-9_.-]+"+"\"",schema:"[a-zA-Z0-9][a-zA-Z0-9_.-]+",parentSchema:schema4.properties.container_name,data:data55};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}else {const err46 = {instancePath:instancePath+"/container_name",schemaPath:"#/properties/container_name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.container_name.type,parentSchema:schema4.properties.container_name,data:data55};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}if(data.cpu_count !== undefined){let data56 = data.cpu_count;const _errs103 = errors;let valid30 = false;let passing1 = null;const _errs104 = errors;if(typeof data56 !== "string"){const err47 = {instancePath:instancePath+"/cpu_count",schemaPath:"#/properties/cpu_count/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.cpu_count.oneOf[0].type,parentSchema:schema4.properties.cpu_count.oneOf[0],data:data56};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}var _valid1 = _errs104 === errors;if(_valid1){valid30 = true;passing1 = 0;}const _errs106 = errors;if(!((typeof data56 == "number") && (!(data56 % 1) && !isNaN(data56)))){const err48 = {instancePath:instancePath+"/cpu_count",schemaPath:"#/properties/cpu_count/oneOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema4.properties.cpu_count.oneOf[1].type,parentSchema:schema4.properties.cpu_count.oneOf[1],data:data56};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}if(typeof data56 == "number"){if(data56 < 0 || isNaN(data56)){const err49 = {instancePath:instancePath+"/cpu_count",schemaPath:"#/properties/cpu_count/oneOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema4.properties.cpu_count.oneOf[1],data:data56};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}var _valid1 = _errs106 === errors;if(_valid1 && valid30){valid30 = false;passing1 = [passing1, 1];}else {if(_valid1){valid30 = true;passing1 = 1;}}if(!valid30){const err50 = {instancePath:instancePath+"/cpu_count",schemaPath:"#/properties/cpu_count/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf",schema:schema4.properties.cpu_count.oneOf,parentSchema:schema4.properties.cpu_count,data:data56};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}else {errors = _errs103;if(vErrors !== null){if(_errs103){vErrors.length = _errs103;}else {vErrors = null;}}}}if(data.cpu_percent !== undefined){let data57 = data.cpu_percent;const _errs109 = errors;let valid31 = false;let passing2 = null;const _errs110 = errors;if(typeof data57 !== "string"){const err51 = {instancePath:instancePath+"/cpu_percent",schemaPath:"#/properties/cpu_percent/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.cpu_percent.oneOf[0].type,parentSchema:schema4.properties.cpu_percent.oneOf[0],data:data57};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}var _valid2 = _errs110 === errors;if(_valid2){valid31 = true;passing2 = 0;}const _errs112 = errors;if(!((typeof data57 == "number") && (!(data57 % 1) && !isNaN(data57)))){const err52 = {instancePath:instancePath+"/cpu_percent",schemaPath:"#/properties/cpu_percent/oneOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema4.properties.cpu_percent.oneOf[1].type,parentSchema:schema4.properties.cpu_percent.oneOf[1],data:data57};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}if(typeof data57 == "number"){if(data57 > 100 || isNaN(data57)){const err53 = {instancePath:instancePath+"/cpu_percent",schemaPath:"#/properties/cpu_percent/oneOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema4.properties.cpu_percent.oneOf[1],data:data57};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}if(data57 < 0 || isNaN(data57)){const err54 = {instancePath:instancePath+"/cpu_percent",schemaPath:"#/properties/cpu_percent/oneOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema4.properties.cpu_percent.oneOf[1],data:data57};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}}var _valid2 = _errs112 === errors;if(_valid2 && valid31){valid31 = false;passing2 = [passing2, 1];}else {if(_valid2){valid31 = true;passing2 = 1;}}if(!valid31){const err55 = {instancePath:instancePath+"/cpu_percent",schemaPath:"#/properties/cpu_percent/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf",schema:schema4.properties.cpu_percent.oneOf,parentSchema:schema4.properties.cpu_percent,data:data57};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}else {errors = _errs109;if(vErrors !== null){if(_errs109){vErrors.length = _errs109;}else {vErrors = null;}}}}if(data.cpu_shares !== undefined){let data58 = data.cpu_shares;if((!(typeof data58 == "number")) && (typeof data58 !== "string")){const err56 = {instancePath:instancePath+"/cpu_shares",schemaPath:"#/properties/cpu_shares/type",keyword:"type",params:{type: schema4.properties.cpu_shares.type},message:"must be number,string",schema:schema4.properties.cpu_shares.type,parentSchema:schema4.properties.cpu_shares,data:data58};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}}if(data.cpu_quota !== undefined){let data59 = data.cpu_quota;if((!(typeof data59 == "number")) && (typeof data59 !== "string")){const err57 = {instancePath:instancePath+"/cpu_quota",schemaPath:"#/properties/cpu_quota/type",keyword:"type",params:{type: schema4.properties.cpu_quota.type},message:"must be number,string",schema:schema4.properties.cpu_quota.type,parentSchema:schema4.properties.cpu_quota,data:data59};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}}if(data.cpu_period !== undefined){let data60 = data.cpu_period;if((!(typeof data60 == "number")) && (typeof data60 !== "string")){const err58 = {instancePath:instancePath+"/cpu_period",schemaPath:"#/properties/cpu_period/type",keyword:"type",params:{type: schema4.properties.cpu_period.type},message:"must be number,string",schema:schema4.properties.cpu_period.type,parentSchema:schema4.properties.cpu_period,data:data60};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}}if(data.cpu_rt_period !== undefined){let data61 = data.cpu_rt_period;if((!(typeof data61 == "number")) && (typeof data61 !== "string")){const err59 = {instancePath:instancePath+"/cpu_rt_period",schemaPath:"#/properties/cpu_rt_period/type",keyword:"type",params:{type: schema4.properties.cpu_rt_period.type},message:"must be number,string",schema:schema4.properties.cpu_rt_period.type,parentSchema:schema4.properties.cpu_rt_period,data:data61};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}}if(data.cpu_rt_runtime !== undefined){let data62 = data.cpu_rt_runtime;if((!(typeof data62 == "number")) && (typeof data62 !== "string")){const err60 = {instancePath:instancePath+"/cpu_rt_runtime",schemaPath:"#/properties/cpu_rt_runtime/type",keyword:"type",params:{type: schema4.properties.cpu_rt_runtime.type},message:"must be number,string",schema:schema4.properties.cpu_rt_runtime.type,parentSchema:schema4.properties.cpu_rt_runtime,data:data62};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}if(data.cpus !== undefined){let data63 = data.cpus;if((!(typeof data63 == "number")) && (typeof data63 !== "string")){const err61 = {instancePath:instancePath+"/cpus",schemaPath:"#/properties/cpus/type",keyword:"type",params:{type: schema4.properties.cpus.type},message:"must be number,string",schema:schema4.properties.cpus.type,parentSchema:schema4.properties.cpus,data:data63};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}if(data.cpuset !== undefined){let data64 = data.cpuset;if(typeof data64 !== "string"){const err62 = {instancePath:instancePath+"/cpuset",schemaPath:"#/properties/cpuset/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.cpuset.type,parentSchema:schema4.properties.cpuset,data:data64};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}}if(data.credential_spec !== undefined){let data65 = data.credential_spec;if(data65 && typeof data65 == "object" && !Array.isArray(data65)){for(const key3 in data65){if(!((((key3 === "config") || (key3 === "file")) || (key3 === "registry")) || (pattern0.test(key3)))){const err63 = {instancePath:instancePath+"/credential_spec",schemaPath:"#/properties/credential_spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.credential_spec,data:data65};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}}if(data65.config !== undefined){let data66 = data65.config;if(typeof data66 !== "string"){const err64 = {instancePath:instancePath+"/credential_spec/config",schemaPath:"#/properties/credential_spec/properties/config/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.credential_spec.properties.config.type,parentSchema:schema4.properties.credential_spec.properties.config,data:data66};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}}if(data65.file !== undefined){let data67 = data65.file;if(typeof data67 !== "string"){const err65 = {instancePath:instancePath+"/credential_spec/file",schemaPath:"#/properties/credential_spec/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.credential_spec.properties.file.type,parentSchema:schema4.properties.credential_spec.properties.file,data:data67};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}}if(data65.registry !== undefined){let data68 = data65.registry;if(typeof data68 !== "string"){const err66 = {instancePath:instancePath+"/credential_spec/registry",schemaPath:"#/properties/credential_spec/properties/registry/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.credential_spec.properties.registry.type,parentSchema:schema4.properties.credential_spec.properties.registry,data:data68};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}}}else {const err67 = {instancePath:instancePath+"/credential_spec",schemaPath:"#/properties/credential_spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.credential_spec.type,parentSchema:schema4.properties.credential_spec,data:data65};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}}if(data.depends_on !== undefined){let data69 = data.depends_on;const _errs138 = errors;let valid33 = false;let passing3 = null;const _errs139 = errors;if(!(validate3(data69, {instancePath:instancePath+"/depends_on",parentData:data,parentDataProperty:"depends_on",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);errors = vErrors.length;}var _valid3 = _errs139 === errors;if(_valid3){valid33 = true;passing3 = 0;}const _errs140 = errors;if(data69 && typeof data69 == "object" && !Array.isArray(data69)){for(const key4 in data69){if(!(pattern1.test(key4))){const err68 = {instancePath:instancePath+"/depends_on",schemaPath:"#/properties/depends_on/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.depends_on.oneOf[1],data:data69};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}}for(const key5 in data69){if(pattern1.test(key5)){let data70 = data69[key5];if(data70 && typeof data70 == "object" && !Array.isArray(data70)){if(data70.condition === undefined){const err69 = {instancePath:instancePath+"/depends_on/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/depends_on/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/required",keyword:"required",params:{missingProperty: "condition"},message:"must have required property '"+"condition"+"'",schema:schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].required,parentSchema:schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"],data:data70};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}for(const key6 in data70){if(!((((key6 === "restart") || (key6 === "required")) || (key6 === "condition")) || (pattern0.test(key6)))){const err70 = {instancePath:instancePath+"/depends_on/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/depends_on/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"],data:data70};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}}if(data70.restart !== undefined){let data71 = data70.restart;if((typeof data71 !== "boolean") && (typeof data71 !== "string")){const err71 = {instancePath:instancePath+"/depends_on/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart",schemaPath:"#/properties/depends_on/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/properties/restart/type",keyword:"type",params:{type: schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].properties.restart.type},message:"must be boolean,string",schema:schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].properties.restart.type,parentSchema:schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].properties.restart,data:data71};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}}if(data70.required !== undefined){let data72 = data70.required;if(typeof data72 !== "boolean"){const err72 = {instancePath:instancePath+"/depends_on/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/required",schemaPath:"#/properties/depends_on/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].properties.required.type,parentSchema:schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].properties.required,data:data72};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}}if(data70.condition !== undefined){let data73 = data70.condition;if(typeof data73 !== "string"){const err73 = {instancePath:instancePath+"/depends_on/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/condition",schemaPath:"#/properties/depends_on/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/properties/condition/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].properties.condition.type,parentSchema:schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].properties.condition,data:data73};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;}if(!(((data73 === "service_started") || (data73 === "service_healthy")) || (data73 === "service_completed_successfully"))){const err74 = {instancePath:instancePath+"/depends_on/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/condition",schemaPath:"#/properties/depends_on/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/properties/condition/enum",keyword:"enum",params:{allowedValues: schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].properties.condition.enum},message:"must be equal to one of the allowed values",schema:schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].properties.condition.enum,parentSchema:schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].properties.condition,data:data73};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}}}else {const err75 = {instancePath:instancePath+"/depends_on/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/depends_on/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].type,parentSchema:schema4.properties.depends_on.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"],data:data70};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}}}}else {const err76 = {instancePath:instancePath+"/depends_on",schemaPath:"#/properties/depends_on/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.depends_on.oneOf[1].type,parentSchema:schema4.properties.depends_on.oneOf[1],data:data69};if(vErrors === null){vErrors = [err76];}else {vErrors.push(err76);}errors++;}var _valid3 = _errs140 === errors;if(_valid3 && valid33){valid33 = false;passing3 = [passing3, 1];}else {if(_valid3){valid33 = true;passing3 = 1;}}if(!valid33){const err77 = {instancePath:instancePath+"/depends_on",schemaPath:"#/properties/depends_on/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf",schema:schema4.properties.depends_on.oneOf,parentSchema:schema4.properties.depends_on,data:data69};if(vErrors === null){vErrors = [err77];}else {vErrors.push(err77);}errors++;}else {errors = _errs138;if(vErrors !== null){if(_errs138){vErrors.length = _errs138;}else {vErrors = null;}}}}if(data.device_cgroup_rules !== undefined){if(!(validate3(data.device_cgroup_rules, {instancePath:instancePath+"/device_cgroup_rules",parentData:data,parentDataProperty:"device_cgroup_rules",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);errors = vErrors.length;}}if(data.devices !== undefined){let data75 = data.devices;if(Array.isArray(data75)){const len12 = data75.length;for(let i14=0; i14<len12; i14++){let data76 = data75[i14];const _errs156 = errors;let valid38 = false;let passing4 = null;const _errs157 = errors;if(typeof data76 !== "string"){const err78 = {instancePath:instancePath+"/devices/" + i14,schemaPath:"#/properties/devices/items/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.devices.items.oneOf[0].type,parentSchema:schema4.properties.devices.items.oneOf[0],data:data76};if(vErrors === null){vErrors = [err78];}else {vErrors.push(err78);}errors++;}var _valid4 = _errs157 === errors;if(_valid4){valid38 = true;passing4 = 0;}const _errs159 = errors;if(data76 && typeof data76 == "object" && !Array.isArray(data76)){if(data76.source === undefined){const err79 = {instancePath:instancePath+"/devices/" + i14,schemaPath:"#/properties/devices/items/oneOf/1/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema4.properties.devices.items.oneOf[1].required,parentSchema:schema4.properties.devices.items.oneOf[1],data:data76};if(vErrors === null){vErrors = [err79];}else {vErrors.push(err79);}errors++;}for(const key7 in data76){if(!((((key7 === "source") || (key7 === "target")) || (key7 === "permissions")) || (pattern0.test(key7)))){const err80 = {instancePath:instancePath+"/devices/" + i14,schemaPath:"#/properties/devices/items/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.devices.items.oneOf[1],data:data76};if(vErrors === null){vErrors = [err80];}else {vErrors.push(err80);}errors++;}}if(data76.source !== undefined){let data77 = data76.source;if(typeof data77 !== "string"){const err81 = {instancePath:instancePath+"/devices/" + i14+"/source",schemaPath:"#/properties/devices/items/oneOf/1/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.devices.items.oneOf[1].properties.source.type,parentSchema:schema4.properties.devices.items.oneOf[1].properties.source,data:data77};if(vErrors === null){vErrors = [err81];}else {vErrors.push(err81);}errors++;}}if(data76.target !== undefined){let data78 = data76.target;if(typeof data78 !== "string"){const err82 = {instancePath:instancePath+"/devices/" + i14+"/target",schemaPath:"#/properties/devices/items/oneOf/1/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.devices.items.oneOf[1].properties.target.type,parentSchema:schema4.properties.devices.items.oneOf[1].properties.target,data:data78};if(vErrors === null){vErrors = [err82];}else {vErrors.push(err82);}errors++;}}if(data76.permissions !== undefined){let data79 = data76.permissions;if(typeof data79 !== "string"){const err83 = {instancePath:instancePath+"/devices/" + i14+"/permissions",schemaPath:"#/properties/devices/items/oneOf/1/properties/permissions/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.devices.items.oneOf[1].properties.permissions.type,parentSchema:schema4.properties.devices.items.oneOf[1].properties.permissions,data:data79};if(vErrors === null){vErrors = [err83];}else {vErrors.push(err83);}errors++;}}}else {const err84 = {instancePath:instancePath+"/devices/" + i14,schemaPath:"#/properties/devices/items/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.devices.items.oneOf[1].type,parentSchema:schema4.properties.devices.items.oneOf[1],data:data76};if(vErrors === null){vErrors = [err84];}else {vErrors.push(err84);}errors++;}var _valid4 = _errs159 === errors;if(_valid4 && valid38){valid38 = false;passing4 = [passing4, 1];}else {if(_valid4){valid38 = true;passing4 = 1;}}if(!valid38){const err85 = {instancePath:instancePath+"/devices/" + i14,schemaPath:"#/properties/devices/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing4},message:"must match exactly one schema in oneOf",schema:schema4.properties.devices.items.oneOf,parentSchema:schema4.properties.devices.items,data:data76};if(vErrors === null){vErrors = [err85];}else {vErrors.push(err85);}errors++;}else {errors = _errs156;if(vErrors !== null){if(_errs156){vErrors.length = _errs156;}else {vErrors = null;}}}}}else {const err86 = {instancePath:instancePath+"/devices",schemaPath:"#/properties/devices/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.devices.type,parentSchema:schema4.properties.devices,data:data75};if(vErrors === null){vErrors = [err86];}else {vErrors.push(err86);}errors++;}}if(data.dns !== undefined){if(!(validate2(data.dns, {instancePath:instancePath+"/dns",parentData:data,parentDataProperty:"dns",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate2.errors : vErrors.concat(validate2.errors);errors = vErrors.length;}}if(data.dns_opt !== undefined){let data81 = data.dns_opt;if(Array.isArray(data81)){const len13 = data81.length;for(let i15=0; i15<len13; i15++){let data82 = data81[i15];if(typeof data82 !== "string"){const err87 = {instancePath:instancePath+"/dns_opt/" + i15,schemaPath:"#/properties/dns_opt/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.dns_opt.items.type,parentSchema:schema4.properties.dns_opt.items,data:data82};if(vErrors === null){vErrors = [err87];}else {vErrors.push(err87);}errors++;}}let i16 = data81.length;let j2;if(i16 > 1){const indices2 = {};for(;i16--;){let item2 = data81[i16];if(typeof item2 !== "string"){continue;}if(typeof indices2[item2] == "number"){j2 = indices2[item2];const err88 = {instancePath:instancePath+"/dns_opt",schemaPath:"#/properties/dns_opt/uniqueItems",keyword:"uniqueItems",params:{i: i16, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i16+" are identical)",schema:true,parentSchema:schema4.properties.dns_opt,data:data81};if(vErrors === null){vErrors = [err88];}else {vErrors.push(err88);}errors++;break;}indices2[item2] = i16;}}}else {const err89 = {instancePath:instancePath+"/dns_opt",schemaPath:"#/properties/dns_opt/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.dns_opt.type,parentSchema:schema4.properties.dns_opt,data:data81};if(vErrors === null){vErrors = [err89];}else {vErrors.push(err89);}errors++;}}if(data.dns_search !== undefined){if(!(validate2(data.dns_search, {instancePath:instancePath+"/dns_search",parentData:data,parentDataProperty:"dns_search",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate2.errors : vErrors.concat(validate2.errors);errors = vErrors.length;}}if(data.domainname !== undefined){let data84 = data.domainname;if(typeof data84 !== "string"){const err90 = {instancePath:instancePath+"/domainname",schemaPath:"#/properties/domainname/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.domainname.type,parentSchema:schema4.properties.domainname,data:data84};if(vErrors === null){vErrors = [err90];}else {vErrors.push(err90);}errors++;}}if(data.entrypoint !== undefined){if(!(validate13(data.entrypoint, {instancePath:instancePath+"/entrypoint",parentData:data,parentDataProperty:"entrypoint",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}if(data.env_file !== undefined){if(!(validate55(data.env_file, {instancePath:instancePath+"/env_file",parentData:data,parentDataProperty:"env_file",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate55.errors : vErrors.concat(validate55.errors);errors = vErrors.length;}}if(data.label_file !== undefined){if(!(validate57(data.label_file, {instancePath:instancePath+"/label_file",parentData:data,parentDataProperty:"label_file",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);errors = vErrors.length;}}if(data.environment !== undefined){if(!(validate15(data.environment, {instancePath:instancePath+"/environment",parentData:data,parentDataProperty:"environment",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data.expose !== undefined){let data89 = data.expose;if(Array.isArray(data89)){const len14 = data89.length;for(let i17=0; i17<len14; i17++){let data90 = data89[i17];if((typeof data90 !== "string") && (!(typeof data90 == "number"))){const err91 = {instancePath:instancePath+"/expose/" + i17,schemaPath:"#/properties/expose/items/type",keyword:"type",params:{type: schema4.properties.expose.items.type},message:"must be string,number",schema:schema4.properties.expose.items.type,parentSchema:schema4.properties.expose.items,data:data90};if(vErrors === null){vErrors = [err91];}else {vErrors.push(err91);}errors++;}}let i18 = data89.length;let j3;if(i18 > 1){const indices3 = {};for(;i18--;){let item3 = data89[i18];if((typeof item3 !== "string") && (!(typeof item3 == "number"))){continue;}if(typeof item3 == "string"){item3 += "_";}if(typeof indices3[item3] == "number"){j3 = indices3[item3];const err92 = {instancePath:instancePath+"/expose",schemaPath:"#/properties/expose/uniqueItems",keyword:"uniqueItems",params:{i: i18, j: j3},message:"must NOT have duplicate items (items ## "+j3+" and "+i18+" are identical)",schema:true,parentSchema:schema4.properties.expose,data:data89};if(vErrors === null){vErrors = [err92];}else {vErrors.push(err92);}errors++;break;}indices3[item3] = i18;}}}else {const err93 = {instancePath:instancePath+"/expose",schemaPath:"#/properties/expose/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.expose.type,parentSchema:schema4.properties.expose,data:data89};if(vErrors === null){vErrors = [err93];}else {vErrors.push(err93);}errors++;}}if(data.extends !== undefined){let data91 = data.extends;const _errs185 = errors;let valid46 = false;let passing5 = null;const _errs186 = errors;if(typeof data91 !== "string"){const err94 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.extends.oneOf[0].type,parentSchema:schema4.properties.extends.oneOf[0],data:data91};if(vErrors === null){vErrors = [err94];}else {vErrors.push(err94);}errors++;}var _valid5 = _errs186 === errors;if(_valid5){valid46 = true;passing5 = 0;}const _errs188 = errors;if(data91 && typeof data91 == "object" && !Array.isArray(data91)){if(data91.service === undefined){const err95 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/oneOf/1/required",keyword:"required",params:{missingProperty: "service"},message:"must have required property '"+"service"+"'",schema:schema4.properties.extends.oneOf[1].required,parentSchema:schema4.properties.extends.oneOf[1],data:data91};if(vErrors === null){vErrors = [err95];}else {vErrors.push(err95);}errors++;}for(const key8 in data91){if(!((key8 === "service") || (key8 === "file"))){const err96 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.extends.oneOf[1],data:data91};if(vErrors === null){vErrors = [err96];}else {vErrors.push(err96);}errors++;}}if(data91.service !== undefined){let data92 = data91.service;if(typeof data92 !== "string"){const err97 = {instancePath:instancePath+"/extends/service",schemaPath:"#/properties/extends/oneOf/1/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.extends.oneOf[1].properties.service.type,parentSchema:schema4.properties.extends.oneOf[1].properties.service,data:data92};if(vErrors === null){vErrors = [err97];}else {vErrors.push(err97);}errors++;}}if(data91.file !== undefined){let data93 = data91.file;if(typeof data93 !== "string"){const err98 = {instancePath:instancePath+"/extends/file",schemaPath:"#/properties/extends/oneOf/1/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.extends.oneOf[1].properties.file.type,parentSchema:schema4.properties.extends.oneOf[1].properties.file,data:data93};if(vErrors === null){vErrors = [err98];}else {vErrors.push(err98);}errors++;}}}else {const err99 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.extends.oneOf[1].type,parentSchema:schema4.properties.extends.oneOf[1],data:data91};if(vErrors === null){vErrors = [err99];}else {vErrors.push(err99);}errors++;}var _valid5 = _errs188 === errors;if(_valid5 && valid46){valid46 = false;passing5 = [passing5, 1];}else {if(_valid5){valid46 = true;passing5 = 1;}}if(!valid46){const err100 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/oneOf",keyword:"oneOf",params:{passingSchemas: passing5},message:"must match exactly one schema in oneOf",schema:schema4.properties.extends.oneOf,parentSchema:schema4.properties.extends,data:data91};if(vErrors === null){vErrors = [err100];}else {vErrors.push(err100);}errors++;}else {errors = _errs185;if(vErrors !== null){if(_errs185){vErrors.length = _errs185;}else {vErrors = null;}}}}if(data.provider !== undefined){let data94 = data.provider;if(data94 && typeof data94 == "object" && !Array.isArray(data94)){if(data94.type === undefined){const err101 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema4.properties.provider.required,parentSchema:schema4.properties.provider,data:data94};if(vErrors === null){vErrors = [err101];}else {vErrors.push(err101);}errors++;}for(const key9 in data94){if(!(((key9 === "type") || (key9 === "options")) || (pattern0.test(key9)))){const err102 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.provider,data:data94};if(vErrors === null){vErrors = [err102];}else {vErrors.push(err102);}errors++;}}if(data94.type !== undefined){let data95 = data94.type;if(typeof data95 !== "string"){const err103 = {instancePath:instancePath+"/provider/type",schemaPath:"#/properties/provider/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.provider.properties.type.type,parentSchema:schema4.properties.provider.properties.type,data:data95};if(vErrors === null){vErrors = [err103];}else {vErrors.push(err103);}errors++;}}if(data94.options !== undefined){let data96 = data94.options;if(data96 && typeof data96 == "object" && !Array.isArray(data96)){var props12 = {};for(const key10 in data96){if(pattern34.test(key10)){let data97 = data96[key10];const _errs203 = errors;let valid50 = false;let passing6 = null;const _errs204 = errors;if(((typeof data97 !== "string") && (!(typeof data97 == "number"))) && (typeof data97 !== "boolean")){const err104 = {instancePath:instancePath+"/provider/options/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/provider/properties/options/patternProperties/%5E.%2B%24/oneOf/0/type",keyword:"type",params:{type: schema4.properties.provider.properties.options.patternProperties["^.+$"].oneOf[0].type},message:"must be string,number,boolean",schema:schema4.properties.provider.properties.options.patternProperties["^.+$"].oneOf[0].type,parentSchema:schema4.properties.provider.properties.options.patternProperties["^.+$"].oneOf[0],data:data97};if(vErrors === null){vErrors = [err104];}else {vErrors.push(err104);}errors++;}var _valid6 = _errs204 === errors;if(_valid6){valid50 = true;passing6 = 0;}const _errs206 = errors;if(Array.isArray(data97)){const len15 = data97.length;for(let i19=0; i19<len15; i19++){let data98 = data97[i19];if(((typeof data98 !== "string") && (!(typeof data98 == "number"))) && (typeof data98 !== "boolean")){const err105 = {instancePath:instancePath+"/provider/options/" + key10.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i19,schemaPath:"#/properties/provider/properties/options/patternProperties/%5E.%2B%24/oneOf/1/items/type",keyword:"type",params:{type: schema4.properties.provider.properties.options.patternProperties["^.+$"].oneOf[1].items.type},message:"must be string,number,boolean",schema:schema4.properties.provider.properties.options.patternProperties["^.+$"].oneOf[1].items.type,parentSchema:schema4.properties.provider.properties.options.patternProperties["^.+$"].oneOf[1].items,data:data98};if(vErrors === null){vErrors = [err105];}else {vErrors.push(err105);}errors++;}}}else {const err106 = {instancePath:instancePath+"/provider/options/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/provider/properties/options/patternProperties/%5E.%2B%24/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.provider.properties.options.patternProperties["^.+$"].oneOf[1].type,parentSchema:schema4.properties.provider.properties.options.patternProperties["^.+$"].oneOf[1],data:data97};if(vErrors === null){vErrors = [err106];}else {vErrors.push(err106);}errors++;}var _valid6 = _errs206 === errors;if(_valid6 && valid50){valid50 = false;passing6 = [passing6, 1];}else {if(_valid6){valid50 = true;passing6 = 1;}}if(!valid50){const err107 = {instancePath:instancePath+"/provider/options/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/provider/properties/options/patternProperties/%5E.%2B%24/oneOf",keyword:"oneOf",params:{passingSchemas: passing6},message:"must match exactly one schema in oneOf",schema:schema4.properties.provider.properties.options.patternProperties["^.+$"].oneOf,parentSchema:schema4.properties.provider.properties.options.patternProperties["^.+$"],data:data97};if(vErrors === null){vErrors = [err107];}else {vErrors.push(err107);}errors++;}else {errors = _errs203;if(vErrors !== null){if(_errs203){vErrors.length = _errs203;}else {vErrors = null;}}}props12[key10] = true;}}}else {const err108 = {instancePath:instancePath+"/provider/options",schemaPath:"#/properties/provider/properties/options/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.provider.properties.options.type,parentSchema:schema4.properties.provider.properties.options,data:data96};if(vErrors === null){vErrors = [err108];}else {vErrors.push(err108);}errors++;}}}else {const err109 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.provider.type,parentSchema:schema4.properties.provider,data:data94};if(vErrors === null){vErrors = [err109];}else {vErrors.push(err109);}errors++;}}if(data.external_links !== undefined){let data99 = data.external_links;if(Array.isArray(data99)){const len16 = data99.length;for(let i20=0; i20<len16; i20++){let data100 = data99[i20];if(typeof data100 !== "string"){const err110 = {instancePath:instancePath+"/external_links/" + i20,schemaPath:"#/properties/external_links/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.external_links.items.type,parentSchema:schema4.properties.external_links.items,data:data100};if(vErrors === null){vErrors = [err110];}else {vErrors.push(err110);}errors++;}}let i21 = data99.length;let j4;if(i21 > 1){const indices4 = {};for(;i21--;){let item4 = data99[i21];if(typeof item4 !== "string"){continue;}if(typeof indices4[item4] == "number"){j4 = indices4[item4];const err111 = {instancePath:instancePath+"/external_links",schemaPath:"#/properties/external_links/uniqueItems",keyword:"uniqueItems",params:{i: i21, j: j4},message:"must NOT have duplicate items (items ## "+j4+" and "+i21+" are identical)",schema:true,parentSchema:schema4.properties.external_links,data:data99};if(vErrors === null){vErrors = [err111];}else {vErrors.push(err111);}errors++;break;}indices4[item4] = i21;}}}else {const err112 = {instancePath:instancePath+"/external_links",schemaPath:"#/properties/external_links/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.external_links.type,parentSchema:schema4.properties.external_links,data:data99};if(vErrors === null){vErrors = [err112];}else {vErrors.push(err112);}errors++;}}if(data.extra_hosts !== undefined){if(!(validate35(data.extra_hosts, {instancePath:instancePath+"/extra_hosts",parentData:data,parentDataProperty:"extra_hosts",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);errors = vErrors.length;}}if(data.gpus !== undefined){if(!(validate61(data.gpus, {instancePath:instancePath+"/gpus",parentData:data,parentDataProperty:"gpus",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate61.errors : vErrors.concat(validate61.errors);errors = vErrors.length;}}if(data.group_add !== undefined){let data103 = data.group_add;if(Array.isArray(data103)){const len17 = data103.length;for(let i22=0; i22<len17; i22++){let data104 = data103[i22];if((typeof data104 !== "string") && (!(typeof data104 == "number"))){const err113 = {instancePath:instancePath+"/group_add/" + i22,schemaPath:"#/properties/group_add/items/type",keyword:"type",params:{type: schema4.properties.group_add.items.type},message:"must be string,number",schema:schema4.properties.group_add.items.type,parentSchema:schema4.properties.group_add.items,data:data104};if(vErrors === null){vErrors = [err113];}else {vErrors.push(err113);}errors++;}}let i23 = data103.length;let j5;if(i23 > 1){const indices5 = {};for(;i23--;){let item5 = data103[i23];if((typeof item5 !== "string") && (!(typeof item5 == "number"))){continue;}if(typeof item5 == "string"){item5 += "_";}if(typeof indices5[item5] == "number"){j5 = indices5[item5];const err114 = {instancePath:instancePath+"/group_add",schemaPath:"#/properties/group_add/uniqueItems",keyword:"uniqueItems",params:{i: i23, j: j5},message:"must NOT have duplicate items (items ## "+j5+" and "+i23+" are identical)",schema:true,parentSchema:schema4.properties.group_add,data:data103};if(vErrors === null){vErrors = [err114];}else {vErrors.push(err114);}errors++;break;}indices5[item5] = i23;}}}else {const err115 = {instancePath:instancePath+"/group_add",schemaPath:"#/properties/group_add/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.group_add.type,parentSchema:schema4.properties.group_add,data:data103};if(vErrors === null){vErrors = [err115];}else {vErrors.push(err115);}errors++;}}if(data.healthcheck !== undefined){if(!(validate66(data.healthcheck, {instancePath:instancePath+"/healthcheck",parentData:data,parentDataProperty:"healthcheck",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate66.errors : vErrors.concat(validate66.errors);errors = vErrors.length;}}if(data.hostname !== undefined){let data106 = data.hostname;if(typeof data106 !== "string"){const err116 = {instancePath:instancePath+"/hostname",schemaPath:"#/properties/hostname/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.hostname.type,parentSchema:schema4.properties.hostname,data:data106};if(vErrors === null){vErrors = [err116];}else {vErrors.push(err116);}errors++;}}if(data.image !== undefined){let data107 = data.image;if(typeof data107 !== "string"){const err117 = {instancePath:instancePath+"/image",schemaPath:"#/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.image.type,parentSchema:schema4.properties.image,data:data107};if(vErrors === null){vErrors = [err117];}else {vErrors.push(err117);}errors++;}}if(data.init !== undefined){let data108 = data.init;if((typeof data108 !== "boolean") && (typeof data108 !== "string")){const err118 = {instancePath:instancePath+"/init",schemaPath:"#/properties/init/type",keyword:"type",params:{type: schema4.properties.init.type},message:"must be boolean,string",schema:schema4.properties.init.type,parentSchema:schema4.properties.init,data:data108};if(vErrors === null){vErrors = [err118];}else {vErrors.push(err118);}errors++;}}if(data.ipc !== undefined){let data109 = data.ipc;if(typeof data109 !== "string"){const err119 = {instancePath:instancePath+"/ipc",schemaPath:"#/properties/ipc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.ipc.type,parentSchema:schema4.properties.ipc,data:data109};if(vErrors === null){vErrors = [err119];}else {vErrors.push(err119);}errors++;}}if(data.isolation !== undefined){let data110 = data.isolation;if(typeof data110 !== "string"){const err120 = {instancePath:instancePath+"/isolation",schemaPath:"#/properties/isolation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.isolation.type,parentSchema:schema4.properties.isolation,data:data110};if(vErrors === null){vErrors = [err120];}else {vErrors.push(err120);}errors++;}}if(data.labels !== undefined){if(!(validate15(data.labels, {instancePath:instancePath+"/labels",parentData:data,parentDataProperty:"labels",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data.links !== undefined){let data112 = data.links;if(Array.isArray(data112)){const len18 = data112.length;for(let i24=0; i24<len18; i24++){let data113 = data112[i24];if(typeof data113 !== "string"){const err121 = {instancePath:instancePath+"/links/" + i24,schemaPath:"#/properties/links/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.links.items.type,parentSchema:schema4.properties.links.items,data:data113};if(vErrors === null){vErrors = [err121];}else {vErrors.push(err121);}errors++;}}let i25 = data112.length;let j6;if(i25 > 1){const indices6 = {};for(;i25--;){let item6 = data112[i25];if(typeof item6 !== "string"){continue;}if(typeof indices6[item6] == "number"){j6 = indices6[item6];const err122 = {instancePath:instancePath+"/links",schemaPath:"#/properties/links/uniqueItems",keyword:"uniqueItems",params:{i: i25, j: j6},message:"must NOT have duplicate items (items ## "+j6+" and "+i25+" are identical)",schema:true,parentSchema:schema4.properties.links,data:data112};if(vErrors === null){vErrors = [err122];}else {vErrors.push(err122);}errors++;break;}indices6[item6] = i25;}}}else {const err123 = {instancePath:instancePath+"/links",schemaPath:"#/properties/links/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.links.type,parentSchema:schema4.properties.links,data:data112};if(vErrors === null){vErrors = [err123];}else {vErrors.push(err123);}errors++;}}if(data.logging !== undefined){let data114 = data.logging;if(data114 && typeof data114 == "object" && !Array.isArray(data114)){for(const key11 in data114){if(!(((key11 === "driver") || (key11 === "options")) || (pattern0.test(key11)))){const err124 = {instancePath:instancePath+"/logging",schemaPath:"#/properties/logging/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.logging,data:data114};if(vErrors === null){vErrors = [err124];}else {vErrors.push(err124);}errors++;}}if(data114.driver !== undefined){let data115 = data114.driver;if(typeof data115 !== "string"){const err125 = {instancePath:instancePath+"/logging/driver",schemaPath:"#/properties/logging/properties/driver/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.logging.properties.driver.type,parentSchema:schema4.properties.logging.properties.driver,data:data115};if(vErrors === null){vErrors = [err125];}else {vErrors.push(err125);}errors++;}}if(data114.options !== undefined){let data116 = data114.options;if(data116 && typeof data116 == "object" && !Array.isArray(data116)){var props16 = {};for(const key12 in data116){if(pattern34.test(key12)){let data117 = data116[key12];if(((typeof data117 !== "string") && (!(typeof data117 == "number"))) && (data117 !== null)){const err126 = {instancePath:instancePath+"/logging/options/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/logging/properties/options/patternProperties/%5E.%2B%24/type",keyword:"type",params:{type: schema4.properties.logging.properties.options.patternProperties["^.+$"].type},message:"must be string,number,null",schema:schema4.properties.logging.properties.options.patternProperties["^.+$"].type,parentSchema:schema4.properties.logging.properties.options.patternProperties["^.+$"],data:data117};if(vErrors === null){vErrors = [err126];}else {vErrors.push(err126);}errors++;}props16[key12] = true;}}}else {const err127 = {instancePath:instancePath+"/logging/options",schemaPath:"#/properties/logging/properties/options/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.logging.properties.options.type,parentSchema:schema4.properties.logging.properties.options,data:data116};if(vErrors === null){vErrors = [err127];}else {vErrors.push(err127);}errors++;}}}else {const err128 = {instancePath:instancePath+"/logging",schemaPath:"#/properties/logging/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.logging.type,parentSchema:schema4.properties.logging,data:data114};if(vErrors === null){vErrors = [err128];}else {vErrors.push(err128);}errors++;}}if(data.mac_address !== undefined){let data118 = data.mac_address;if(typeof data118 !== "string"){const err129 = {instancePath:instancePath+"/mac_address",schemaPath:"#/properties/mac_address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.mac_address.type,parentSchema:schema4.properties.mac_address,data:data118};if(vErrors === null){vErrors = [err129];}else {vErrors.push(err129);}errors++;}}if(data.mem_limit !== undefined){let data119 = data.mem_limit;if((!(typeof data119 == "number")) && (typeof data119 !== "string")){const err130 = {instancePath:instancePath+"/mem_limit",schemaPath:"#/properties/mem_limit/type",keyword:"type",params:{type: schema4.properties.mem_limit.type},message:"must be number,string",schema:schema4.properties.mem_limit.type,parentSchema:schema4.properties.mem_limit,data:data119};if(vErrors === null){vErrors = [err130];}else {vErrors.push(err130);}errors++;}}if(data.mem_reservation !== undefined){let data120 = data.mem_reservation;if((typeof data120 !== "string") && (!((typeof data120 == "number") && (!(data120 % 1) && !isNaN(data120))))){const err131 = {instancePath:instancePath+"/mem_reservation",schemaPath:"#/properties/mem_reservation/type",keyword:"type",params:{type: schema4.properties.mem_reservation.type},message:"must be string,integer",schema:schema4.properties.mem_reservation.type,parentSchema:schema4.properties.mem_reservation,data:data120};if(vErrors === null){vErrors = [err131];}else {vErrors.push(err131);}errors++;}}if(data.mem_swappiness !== undefined){let data121 = data.mem_swappiness;if((!((typeof data121 == "number") && (!(data121 % 1) && !isNaN(data121)))) && (typeof data121 !== "string")){const err132 = {instancePath:instancePath+"/mem_swappiness",schemaPath:"#/properties/mem_swappiness/type",keyword:"type",params:{type: schema4.properties.mem_swappiness.type},message:"must be integer,string",schema:schema4.properties.mem_swappiness.type,parentSchema:schema4.properties.mem_swappiness,data:data121};if(vErrors === null){vErrors = [err132];}else {vErrors.push(err132);}errors++;}}if(data.memswap_limit !== undefined){let data122 = data.memswap_limit;if((!(typeof data122 == "number")) && (typeof data122 !== "string")){const err133 = {instancePath:instancePath+"/memswap_limit",schemaPath:"#/properties/memswap_limit/type",keyword:"type",params:{type: schema4.properties.memswap_limit.type},message:"must be number,string",schema:schema4.properties.memswap_limit.type,parentSchema:schema4.properties.memswap_limit,data:data122};if(vErrors === null){vErrors = [err133];}else {vErrors.push(err133);}errors++;}}if(data.network_mode !== undefined){let data123 = data.network_mode;if(typeof data123 !== "string"){const err134 = {instancePath:instancePath+"/network_mode",schemaPath:"#/properties/network_mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.network_mode.type,parentSchema:schema4.properties.network_mode,data:data123};if(vErrors === null){vErrors = [err134];}else {vErrors.push(err134);}errors++;}}if(data.models !== undefined){let data124 = data.models;const _errs258 = errors;let valid64 = false;let passing7 = null;const _errs259 = errors;if(!(validate3(data124, {instancePath:instancePath+"/models",parentData:data,parentDataProperty:"models",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);errors = vErrors.length;}var _valid7 = _errs259 === errors;if(_valid7){valid64 = true;passing7 = 0;}const _errs260 = errors;if(data124 && typeof data124 == "object" && !Array.isArray(data124)){var props17 = {};for(const key13 in data124){if(pattern1.test(key13)){let data125 = data124[key13];const _errs263 = errors;let valid66 = false;let passing8 = null;const _errs264 = errors;if(data125 && typeof data125 == "object" && !Array.isArray(data125)){for(const key14 in data125){if(!(((key14 === "endpoint_var") || (key14 === "model_var")) || (pattern0.test(key14)))){const err135 = {instancePath:instancePath+"/models/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/models/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.models.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0],data:data125};if(vErrors === null){vErrors = [err135];}else {vErrors.push(err135);}errors++;}}if(data125.endpoint_var !== undefined){let data126 = data125.endpoint_var;if(typeof data126 !== "string"){const err136 = {instancePath:instancePath+"/models/" + key13.replace(/~/g, "~0").replace(/\//g, "~1")+"/endpoint_var",schemaPath:"#/properties/models/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/properties/endpoint_var/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.models.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.endpoint_var.type,parentSchema:schema4.properties.models.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.endpoint_var,data:data126};if(vErrors === null){vErrors = [err136];}else {vErrors.push(err136);}errors++;}}if(data125.model_var !== undefined){let data127 = data125.model_var;if(typeof data127 !== "string"){const err137 = {instancePath:instancePath+"/models/" + key13.replace(/~/g, "~0").replace(/\//g, "~1")+"/model_var",schemaPath:"#/properties/models/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/properties/model_var/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.models.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.model_var.type,parentSchema:schema4.properties.models.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.model_var,data:data127};if(vErrors === null){vErrors = [err137];}else {vErrors.push(err137);}errors++;}}}else {const err138 = {instancePath:instancePath+"/models/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/models/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.models.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].type,parentSchema:schema4.properties.models.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0],data:data125};if(vErrors === null){vErrors = [err138];}else {vErrors.push(err138);}errors++;}var _valid8 = _errs264 === errors;if(_valid8){valid66 = true;passing8 = 0;}const _errs271 = errors;if(data125 !== null){const err139 = {instancePath:instancePath+"/models/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/models/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema4.properties.models.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[1].type,parentSchema:schema4.properties.models.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[1],data:data125};if(vErrors === null){vErrors = [err139];}else {vErrors.push(err139);}errors++;}var _valid8 = _errs271 === errors;if(_valid8 && valid66){valid66 = false;passing8 = [passing8, 1];}else {if(_valid8){valid66 = true;passing8 = 1;}}if(!valid66){const err140 = {instancePath:instancePath+"/models/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/models/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf",keyword:"oneOf",params:{passingSchemas: passing8},message:"must match exactly one schema in oneOf",schema:schema4.properties.models.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf,parentSchema:schema4.properties.models.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"],data:data125};if(vErrors === null){vErrors = [err140];}else {vErrors.push(err140);}errors++;}else {errors = _errs263;if(vErrors !== null){if(_errs263){vErrors.length = _errs263;}else {vErrors = null;}}}props17[key13] = true;}}}else {const err141 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.models.oneOf[1].type,parentSchema:schema4.properties.models.oneOf[1],data:data124};if(vErrors === null){vErrors = [err141];}else {vErrors.push(err141);}errors++;}var _valid7 = _errs260 === errors;if(_valid7 && valid64){valid64 = false;passing7 = [passing7, 1];}else {if(_valid7){valid64 = true;passing7 = 1;}}if(!valid64){const err142 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/oneOf",keyword:"oneOf",params:{passingSchemas: passing7},message:"must match exactly one schema in oneOf",schema:schema4.properties.models.oneOf,parentSchema:schema4.properties.models,data:data124};if(vErrors === null){vErrors = [err142];}else {vErrors.push(err142);}errors++;}else {errors = _errs258;if(vErrors !== null){if(_errs258){vErrors.length = _errs258;}else {vErrors = null;}}}}if(data.networks !== undefined){let data128 = data.networks;const _errs274 = errors;let valid68 = false;let passing9 = null;const _errs275 = errors;if(!(validate3(data128, {instancePath:instancePath+"/networks",parentData:data,parentDataProperty:"networks",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);errors = vErrors.length;}var _valid9 = _errs275 === errors;if(_valid9){valid68 = true;passing9 = 0;}const _errs276 = errors;if(data128 && typeof data128 == "object" && !Array.isArray(data128)){for(const key15 in data128){if(!(pattern1.test(key15))){const err143 = {instancePath:instancePath+"/networks",schemaPath:"#/properties/networks/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.networks.oneOf[1],data:data128};if(vErrors === null){vErrors = [err143];}else {vErrors.push(err143);}errors++;}}for(const key16 in data128){if(pattern1.test(key16)){let data129 = data128[key16];const _errs280 = errors;let valid70 = false;let passing10 = null;const _errs281 = errors;if(data129 && typeof data129 == "object" && !Array.isArray(data129)){for(const key17 in data129){if(!((func0.call(schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties, key17)) || (pattern0.test(key17)))){const err144 = {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/networks/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0],data:data129};if(vErrors === null){vErrors = [err144];}else {vErrors.push(err144);}errors++;}}if(data129.aliases !== undefined){if(!(validate3(data129.aliases, {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/aliases",parentData:data129,parentDataProperty:"aliases",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);errors = vErrors.length;}}if(data129.interface_name !== undefined){let data131 = data129.interface_name;if(typeof data131 !== "string"){const err145 = {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/interface_name",schemaPath:"#/properties/networks/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/properties/interface_name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.interface_name.type,parentSchema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.interface_name,data:data131};if(vErrors === null){vErrors = [err145];}else {vErrors.push(err145);}errors++;}}if(data129.ipv4_address !== undefined){let data132 = data129.ipv4_address;if(typeof data132 !== "string"){const err146 = {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/ipv4_address",schemaPath:"#/properties/networks/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/properties/ipv4_address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.ipv4_address.type,parentSchema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.ipv4_address,data:data132};if(vErrors === null){vErrors = [err146];}else {vErrors.push(err146);}errors++;}}if(data129.ipv6_address !== undefined){let data133 = data129.ipv6_address;if(typeof data133 !== "string"){const err147 = {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/ipv6_address",schemaPath:"#/properties/networks/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/properties/ipv6_address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.ipv6_address.type,parentSchema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.ipv6_address,data:data133};if(vErrors === null){vErrors = [err147];}else {vErrors.push(err147);}errors++;}}if(data129.link_local_ips !== undefined){if(!(validate3(data129.link_local_ips, {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/link_local_ips",parentData:data129,parentDataProperty:"link_local_ips",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);errors = vErrors.length;}}if(data129.mac_address !== undefined){let data135 = data129.mac_address;if(typeof data135 !== "string"){const err148 = {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/mac_address",schemaPath:"#/properties/networks/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/properties/mac_address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.mac_address.type,parentSchema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.mac_address,data:data135};if(vErrors === null){vErrors = [err148];}else {vErrors.push(err148);}errors++;}}if(data129.driver_opts !== undefined){let data136 = data129.driver_opts;if(data136 && typeof data136 == "object" && !Array.isArray(data136)){var props19 = {};for(const key18 in data136){if(pattern34.test(key18)){let data137 = data136[key18];if((typeof data137 !== "string") && (!(typeof data137 == "number"))){const err149 = {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/driver_opts/" + key18.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/networks/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/properties/driver_opts/patternProperties/%5E.%2B%24/type",keyword:"type",params:{type: schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.driver_opts.patternProperties["^.+$"].type},message:"must be string,number",schema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.driver_opts.patternProperties["^.+$"].type,parentSchema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.driver_opts.patternProperties["^.+$"],data:data137};if(vErrors === null){vErrors = [err149];}else {vErrors.push(err149);}errors++;}props19[key18] = true;}}}else {const err150 = {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/driver_opts",schemaPath:"#/properties/networks/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/properties/driver_opts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.driver_opts.type,parentSchema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.driver_opts,data:data136};if(vErrors === null){vErrors = [err150];}else {vErrors.push(err150);}errors++;}}if(data129.priority !== undefined){let data138 = data129.priority;if(!(typeof data138 == "number")){const err151 = {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/priority",schemaPath:"#/properties/networks/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/properties/priority/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.priority.type,parentSchema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.priority,data:data138};if(vErrors === null){vErrors = [err151];}else {vErrors.push(err151);}errors++;}}if(data129.gw_priority !== undefined){let data139 = data129.gw_priority;if(!(typeof data139 == "number")){const err152 = {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/gw_priority",schemaPath:"#/properties/networks/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/properties/gw_priority/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.gw_priority.type,parentSchema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].properties.gw_priority,data:data139};if(vErrors === null){vErrors = [err152];}else {vErrors.push(err152);}errors++;}}}else {const err153 = {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/networks/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0].type,parentSchema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[0],data:data129};if(vErrors === null){vErrors = [err153];}else {vErrors.push(err153);}errors++;}var _valid10 = _errs281 === errors;if(_valid10){valid70 = true;passing10 = 0;}const _errs302 = errors;if(data129 !== null){const err154 = {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/networks/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[1].type,parentSchema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf[1],data:data129};if(vErrors === null){vErrors = [err154];}else {vErrors.push(err154);}errors++;}var _valid10 = _errs302 === errors;if(_valid10 && valid70){valid70 = false;passing10 = [passing10, 1];}else {if(_valid10){valid70 = true;passing10 = 1;}}if(!valid70){const err155 = {instancePath:instancePath+"/networks/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/networks/oneOf/1/patternProperties/%5E%5Ba-zA-Z0-9._-%5D%2B%24/oneOf",keyword:"oneOf",params:{passingSchemas: passing10},message:"must match exactly one schema in oneOf",schema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"].oneOf,parentSchema:schema4.properties.networks.oneOf[1].patternProperties["^[a-zA-Z0-9._-]+$"],data:data129};if(vErrors === null){vErrors = [err155];}else {vErrors.push(err155);}errors++;}else {errors = _errs280;if(vErrors !== null){if(_errs280){vErrors.length = _errs280;}else {vErrors = null;}}}}}}else {const err156 = {instancePath:instancePath+"/networks",schemaPath:"#/properties/networks/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.networks.oneOf[1].type,parentSchema:schema4.properties.networks.oneOf[1],data:data128};if(vErrors === null){vErrors = [err156];}else {vErrors.push(err156);}errors++;}var _valid9 = _errs276 === errors;if(_valid9 && valid68){valid68 = false;passing9 = [passing9, 1];}else {if(_valid9){valid68 = true;passing9 = 1;}}if(!valid68){const err157 = {instancePath:instancePath+"/networks",schemaPath:"#/properties/networks/oneOf",keyword:"oneOf",params:{passingSchemas: passing9},message:"must match exactly one schema in oneOf",schema:schema4.properties.networks.oneOf,parentSchema:schema4.properties.networks,data:data128};if(vErrors === null){vErrors = [err157];}else {vErrors.push(err157);}errors++;}else {errors = _errs274;if(vErrors !== null){if(_errs274){vErrors.length = _errs274;}else {vErrors = null;}}}}if(data.oom_kill_disable !== undefined){let data140 = data.oom_kill_disable;if((typeof data140 !== "boolean") && (typeof data140 !== "string")){const err158 = {instancePath:instancePath+"/oom_kill_disable",schemaPath:"#/properties/oom_kill_disable/type",keyword:"type",params:{type: schema4.properties.oom_kill_disable.type},message:"must be boolean,string",schema:schema4.properties.oom_kill_disable.type,parentSchema:schema4.properties.oom_kill_disable,data:data140};if(vErrors === null){vErrors = [err158];}else {vErrors.push(err158);}errors++;}}if(data.oom_score_adj !== undefined){let data141 = data.oom_score_adj;const _errs307 = errors;let valid73 = false;let passing11 = null;const _errs308 = errors;if(typeof data141 !== "string"){const err159 = {instancePath:instancePath+"/oom_score_adj",schemaPath:"#/properties/oom_score_adj/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.oom_score_adj.oneOf[0].type,parentSchema:schema4.properties.oom_score_adj.oneOf[0],data:data141};if(vErrors === null){vErrors = [err159];}else {vErrors.push(err159);}errors++;}var _valid11 = _errs308 === errors;if(_valid11){valid73 = true;passing11 = 0;}const _errs310 = errors;if(!((typeof data141 == "number") && (!(data141 % 1) && !isNaN(data141)))){const err160 = {instancePath:instancePath+"/oom_score_adj",schemaPath:"#/properties/oom_score_adj/oneOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema4.properties.oom_score_adj.oneOf[1].type,parentSchema:schema4.properties.oom_score_adj.oneOf[1],data:data141};if(vErrors === null){vErrors = [err160];}else {vErrors.push(err160);}errors++;}if(typeof data141 == "number"){if(data141 > 1000 || isNaN(data141)){const err161 = {instancePath:instancePath+"/oom_score_adj",schemaPath:"#/properties/oom_score_adj/oneOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema4.properties.oom_score_adj.oneOf[1],data:data141};if(vErrors === null){vErrors = [err161];}else {vErrors.push(err161);}errors++;}if(data141 < -1000 || isNaN(data141)){const err162 = {instancePath:instancePath+"/oom_score_adj",schemaPath:"#/properties/oom_score_adj/oneOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: -1000},message:"must be >= -1000",schema:-1000,parentSchema:schema4.properties.oom_score_adj.oneOf[1],data:data141};if(vErrors === null){vErrors = [err162];}else {vErrors.push(err162);}errors++;}}var _valid11 = _errs310 === errors;if(_valid11 && valid73){valid73 = false;passing11 = [passing11, 1];}else {if(_valid11){valid73 = true;passing11 = 1;}}if(!valid73){const err163 = {instancePath:instancePath+"/oom_score_adj",schemaPath:"#/properties/oom_score_adj/oneOf",keyword:"oneOf",params:{passingSchemas: passing11},message:"must match exactly one schema in oneOf",schema:schema4.properties.oom_score_adj.oneOf,parentSchema:schema4.properties.oom_score_adj,data:data141};if(vErrors === null){vErrors = [err163];}else {vErrors.push(err163);}errors++;}else {errors = _errs307;if(vErrors !== null){if(_errs307){vErrors.length = _errs307;}else {vErrors = null;}}}}if(data.pid !== undefined){let data142 = data.pid;if((typeof data142 !== "string") && (data142 !== null)){const err164 = {instancePath:instancePath+"/pid",schemaPath:"#/properties/pid/type",keyword:"type",params:{type: schema4.properties.pid.type},message:"must be string,null",schema:schema4.properties.pid.type,parentSchema:schema4.properties.pid,data:data142};if(vErrors === null){vErrors = [err164];}else {vErrors.push(err164);}errors++;}}if(data.pids_limit !== undefined){let data143 = data.pids_limit;if((!(typeof data143 == "number")) && (typeof data143 !== "string")){const err165 = {instancePath:instancePath+"/pids_limit",schemaPath:"#/properties/pids_limit/type",keyword:"type",params:{type: schema4.properties.pids_limit.type},message:"must be number,string",schema:schema4.properties.pids_limit.type,parentSchema:schema4.properties.pids_limit,data:data143};if(vErrors === null){vErrors = [err165];}else {vErrors.push(err165);}errors++;}}if(data.platform !== undefined){let data144 = data.platform;if(typeof data144 !== "string"){const err166 = {instancePath:instancePath+"/platform",schemaPath:"#/properties/platform/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.platform.type,parentSchema:schema4.properties.platform,data:data144};if(vErrors === null){vErrors = [err166];}else {vErrors.push(err166);}errors++;}}if(data.ports !== undefined){let data145 = data.ports;if(Array.isArray(data145)){const len19 = data145.length;for(let i26=0; i26<len19; i26++){let data146 = data145[i26];const _errs321 = errors;let valid76 = false;let passing12 = null;const _errs322 = errors;if(!(typeof data146 == "number")){const err167 = {instancePath:instancePath+"/ports/" + i26,schemaPath:"#/properties/ports/items/oneOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema4.properties.ports.items.oneOf[0].type,parentSchema:schema4.properties.ports.items.oneOf[0],data:data146};if(vErrors === null){vErrors = [err167];}else {vErrors.push(err167);}errors++;}var _valid12 = _errs322 === errors;if(_valid12){valid76 = true;passing12 = 0;}const _errs324 = errors;if(typeof data146 !== "string"){const err168 = {instancePath:instancePath+"/ports/" + i26,schemaPath:"#/properties/ports/items/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.ports.items.oneOf[1].type,parentSchema:schema4.properties.ports.items.oneOf[1],data:data146};if(vErrors === null){vErrors = [err168];}else {vErrors.push(err168);}errors++;}var _valid12 = _errs324 === errors;if(_valid12 && valid76){valid76 = false;passing12 = [passing12, 1];}else {if(_valid12){valid76 = true;passing12 = 1;}const _errs326 = errors;if(data146 && typeof data146 == "object" && !Array.isArray(data146)){for(const key19 in data146){if(!((((((((key19 === "name") || (key19 === "mode")) || (key19 === "host_ip")) || (key19 === "target")) || (key19 === "published")) || (key19 === "protocol")) || (key19 === "app_protocol")) || (pattern0.test(key19)))){const err169 = {instancePath:instancePath+"/ports/" + i26,schemaPath:"#/properties/ports/items/oneOf/2/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.ports.items.oneOf[2],data:data146};if(vErrors === null){vErrors = [err169];}else {vErrors.push(err169);}errors++;}}if(data146.name !== undefined){let data147 = data146.name;if(typeof data147 !== "string"){const err170 = {instancePath:instancePath+"/ports/" + i26+"/name",schemaPath:"#/properties/ports/items/oneOf/2/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.ports.items.oneOf[2].properties.name.type,parentSchema:schema4.properties.ports.items.oneOf[2].properties.name,data:data147};if(vErrors === null){vErrors = [err170];}else {vErrors.push(err170);}errors++;}}if(data146.mode !== undefined){let data148 = data146.mode;if(typeof data148 !== "string"){const err171 = {instancePath:instancePath+"/ports/" + i26+"/mode",schemaPath:"#/properties/ports/items/oneOf/2/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.ports.items.oneOf[2].properties.mode.type,parentSchema:schema4.properties.ports.items.oneOf[2].properties.mode,data:data148};if(vErrors === null){vErrors = [err171];}else {vErrors.push(err171);}errors++;}}if(data146.host_ip !== undefined){let data149 = data146.host_ip;if(typeof data149 !== "string"){const err172 = {instancePath:instancePath+"/ports/" + i26+"/host_ip",schemaPath:"#/properties/ports/items/oneOf/2/properties/host_ip/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.ports.items.oneOf[2].properties.host_ip.type,parentSchema:schema4.properties.ports.items.oneOf[2].properties.host_ip,data:data149};if(vErrors === null){vErrors = [err172];}else {vErrors.push(err172);}errors++;}}if(data146.target !== undefined){let data150 = data146.target;if((!((typeof data150 == "number") && (!(data150 % 1) && !isNaN(data150)))) && (typeof data150 !== "string")){const err173 = {instancePath:instancePath+"/ports/" + i26+"/target",schemaPath:"#/properties/ports/items/oneOf/2/properties/target/type",keyword:"type",params:{type: schema4.properties.ports.items.oneOf[2].properties.target.type},message:"must be integer,string",schema:schema4.properties.ports.items.oneOf[2].properties.target.type,parentSchema:schema4.properties.ports.items.oneOf[2].properties.target,data:data150};if(vErrors === null){vErrors = [err173];}else {vErrors.push(err173);}errors++;}}if(data146.published !== undefined){let data151 = data146.published;if((typeof data151 !== "string") && (!((typeof data151 == "number") && (!(data151 % 1) && !isNaN(data151))))){const err174 = {instancePath:instancePath+"/ports/" + i26+"/published",schemaPath:"#/properties/ports/items/oneOf/2/properties/published/type",keyword:"type",params:{type: schema4.properties.ports.items.oneOf[2].properties.published.type},message:"must be string,integer",schema:schema4.properties.ports.items.oneOf[2].properties.published.type,parentSchema:schema4.properties.ports.items.oneOf[2].properties.published,data:data151};if(vErrors === null){vErrors = [err174];}else {vErrors.push(err174);}errors++;}}if(data146.protocol !== undefined){let data152 = data146.protocol;if(typeof data152 !== "string"){const err175 = {instancePath:instancePath+"/ports/" + i26+"/protocol",schemaPath:"#/properties/ports/items/oneOf/2/properties/protocol/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.ports.items.oneOf[2].properties.protocol.type,parentSchema:schema4.properties.ports.items.oneOf[2].properties.protocol,data:data152};if(vErrors === null){vErrors = [err175];}else {vErrors.push(err175);}errors++;}}if(data146.app_protocol !== undefined){let data153 = data146.app_protocol;if(typeof data153 !== "string"){const err176 = {instancePath:instancePath+"/ports/" + i26+"/app_protocol",schemaPath:"#/properties/ports/items/oneOf/2/properties/app_protocol/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.ports.items.oneOf[2].properties.app_protocol.type,parentSchema:schema4.properties.ports.items.oneOf[2].properties.app_protocol,data:data153};if(vErrors === null){vErrors = [err176];}else {vErrors.push(err176);}errors++;}}}else {const err177 = {instancePath:instancePath+"/ports/" + i26,schemaPath:"#/properties/ports/items/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.ports.items.oneOf[2].type,parentSchema:schema4.properties.ports.items.oneOf[2],data:data146};if(vErrors === null){vErrors = [err177];}else {vErrors.push(err177);}errors++;}var _valid12 = _errs326 === errors;if(_valid12 && valid76){valid76 = false;passing12 = [passing12, 2];}else {if(_valid12){valid76 = true;passing12 = 2;}}}if(!valid76){const err178 = {instancePath:instancePath+"/ports/" + i26,schemaPath:"#/properties/ports/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing12},message:"must match exactly one schema in oneOf",schema:schema4.properties.ports.items.oneOf,parentSchema:schema4.properties.ports.items,data:data146};if(vErrors === null){vErrors = [err178];}else {vErrors.push(err178);}errors++;}else {errors = _errs321;if(vErrors !== null){if(_errs321){vErrors.length = _errs321;}else {vErrors = null;}}}}let i27 = data145.length;let j7;if(i27 > 1){outer0:for(;i27--;){for(j7 = i27; j7--;){if(func5(data145[i27], data145[j7])){const err179 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/uniqueItems",keyword:"uniqueItems",params:{i: i27, j: j7},message:"must NOT have duplicate items (items ## "+j7+" and "+i27+" are identical)",schema:true,parentSchema:schema4.properties.ports,data:data145};if(vErrors === null){vErrors = [err179];}else {vErrors.push(err179);}errors++;break outer0;}}}}}else {const err180 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.ports.type,parentSchema:schema4.properties.ports,data:data145};if(vErrors === null){vErrors = [err180];}else {vErrors.push(err180);}errors++;}}if(data.pre_start !== undefined){let data154 = data.pre_start;if(Array.isArray(data154)){const len20 = data154.length;for(let i28=0; i28<len20; i28++){if(!(validate73(data154[i28], {instancePath:instancePath+"/pre_start/" + i28,parentData:data154,parentDataProperty:i28,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate73.errors : vErrors.concat(validate73.errors);errors = vErrors.length;}}}else {const err181 = {instancePath:instancePath+"/pre_start",schemaPath:"#/properties/pre_start/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.pre_start.type,parentSchema:schema4.properties.pre_start,data:data154};if(vErrors === null){vErrors = [err181];}else {vErrors.push(err181);}errors++;}}if(data.post_start !== undefined){let data156 = data.post_start;if(Array.isArray(data156)){const len21 = data156.length;for(let i29=0; i29<len21; i29++){if(!(validate12(data156[i29], {instancePath:instancePath+"/post_start/" + i29,parentData:data156,parentDataProperty:i29,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);errors = vErrors.length;}}}else {const err182 = {instancePath:instancePath+"/post_start",schemaPath:"#/properties/post_start/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.post_start.type,parentSchema:schema4.properties.post_start,data:data156};if(vErrors === null){vErrors = [err182];}else {vErrors.push(err182);}errors++;}}if(data.pre_stop !== undefined){let data158 = data.pre_stop;if(Array.isArray(data158)){const len22 = data158.length;for(let i30=0; i30<len22; i30++){if(!(validate12(data158[i30], {instancePath:instancePath+"/pre_stop/" + i30,parentData:data158,parentDataProperty:i30,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);errors = vErrors.length;}}}else {const err183 = {instancePath:instancePath+"/pre_stop",schemaPath:"#/properties/pre_stop/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.pre_stop.type,parentSchema:schema4.properties.pre_stop,data:data158};if(vErrors === null){vErrors = [err183];}else {vErrors.push(err183);}errors++;}}if(data.privileged !== undefined){let data160 = data.privileged;if((typeof data160 !== "boolean") && (typeof data160 !== "string")){const err184 = {instancePath:instancePath+"/privileged",schemaPath:"#/properties/privileged/type",keyword:"type",params:{type: schema4.properties.privileged.type},message:"must be boolean,string",schema:schema4.properties.privileged.type,parentSchema:schema4.properties.privileged,data:data160};if(vErrors === null){vErrors = [err184];}else {vErrors.push(err184);}errors++;}}if(data.profiles !== undefined){if(!(validate3(data.profiles, {instancePath:instancePath+"/profiles",parentData:data,parentDataProperty:"profiles",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);errors = vErrors.length;}}if(data.pull_policy !== undefined){let data162 = data.pull_policy;if(typeof data162 === "string"){if(!pattern47.test(data162)){const err185 = {instancePath:instancePath+"/pull_policy",schemaPath:"#/properties/pull_policy/pattern",keyword:"pattern",params:{pattern: "always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+"},message:"must match pattern \""+"always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+"+"\"",schema:"always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+",parentSchema:schema4.properties.pull_policy,data:data162};if(vErrors === null){vErrors = [err185];}else {vErrors.push(err185);}errors++;}}else {const err186 = {instancePath:instancePath+"/pull_policy",schemaPath:"#/properties/pull_policy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.pull_policy.type,parentSchema:schema4.properties.pull_policy,data:data162};if(vErrors === null){vErrors = [err186];}else {vErrors.push(err186);}errors++;}}if(data.pull_refresh_after !== undefined){let data163 = data.pull_refresh_after;if(typeof data163 !== "string"){const err187 = {instancePath:instancePath+"/pull_refresh_after",schemaPath:"#/properties/pull_refresh_after/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.pull_refresh_after.type,parentSchema:schema4.properties.pull_refresh_after,data:data163};if(vErrors === null){vErrors = [err187];}else {vErrors.push(err187);}errors++;}}if(data.read_only !== undefined){let data164 = data.read_only;if((typeof data164 !== "boolean") && (typeof data164 !== "string")){const err188 = {instancePath:instancePath+"/read_only",schemaPath:"#/properties/read_only/type",keyword:"type",params:{type: schema4.properties.read_only.type},message:"must be boolean,string",schema:schema4.properties.read_only.type,parentSchema:schema4.properties.read_only,data:data164};if(vErrors === null){vErrors = [err188];}else {vErrors.push(err188);}errors++;}}if(data.restart !== undefined){let data165 = data.restart;if(typeof data165 !== "string"){const err189 = {instancePath:instancePath+"/restart",schemaPath:"#/properties/restart/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.restart.type,parentSchema:schema4.properties.restart,data:data165};if(vErrors === null){vErrors = [err189];}else {vErrors.push(err189);}errors++;}}if(data.runtime !== undefined){let data166 = data.runtime;if(typeof data166 !== "string"){const err190 = {instancePath:instancePath+"/runtime",schemaPath:"#/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.runtime.type,parentSchema:schema4.properties.runtime,data:data166};if(vErrors === null){vErrors = [err190];}else {vErrors.push(err190);}errors++;}}if(data.scale !== undefined){let data167 = data.scale;if((!((typeof data167 == "number") && (!(data167 % 1) && !isNaN(data167)))) && (typeof data167 !== "string")){const err191 = {instancePath:instancePath+"/scale",schemaPath:"#/properties/scale/type",keyword:"type",params:{type: schema4.properties.scale.type},message:"must be integer,string",schema:schema4.properties.scale.type,parentSchema:schema4.properties.scale,data:data167};if(vErrors === null){vErrors = [err191];}else {vErrors.push(err191);}errors++;}}if(data.security_opt !== undefined){let data168 = data.security_opt;if(Array.isArray(data168)){const len23 = data168.length;for(let i31=0; i31<len23; i31++){let data169 = data168[i31];if(typeof data169 !== "string"){const err192 = {instancePath:instancePath+"/security_opt/" + i31,schemaPath:"#/properties/security_opt/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.security_opt.items.type,parentSchema:schema4.properties.security_opt.items,data:data169};if(vErrors === null){vErrors = [err192];}else {vErrors.push(err192);}errors++;}}let i32 = data168.length;let j8;if(i32 > 1){const indices7 = {};for(;i32--;){let item7 = data168[i32];if(typeof item7 !== "string"){continue;}if(typeof indices7[item7] == "number"){j8 = indices7[item7];const err193 = {instancePath:instancePath+"/security_opt",schemaPath:"#/properties/security_opt/uniqueItems",keyword:"uniqueItems",params:{i: i32, j: j8},message:"must NOT have duplicate items (items ## "+j8+" and "+i32+" are identical)",schema:true,parentSchema:schema4.properties.security_opt,data:data168};if(vErrors === null){vErrors = [err193];}else {vErrors.push(err193);}errors++;break;}indices7[item7] = i32;}}}else {const err194 = {instancePath:instancePath+"/security_opt",schemaPath:"#/properties/security_opt/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.security_opt.type,parentSchema:schema4.properties.security_opt,data:data168};if(vErrors === null){vErrors = [err194];}else {vErrors.push(err194);}errors++;}}if(data.shm_size !== undefined){let data170 = data.shm_size;if((!(typeof data170 == "number")) && (typeof data170 !== "string")){const err195 = {instancePath:instancePath+"/shm_size",schemaPath:"#/properties/shm_size/type",keyword:"type",params:{type: schema4.properties.shm_size.type},message:"must be number,string",schema:schema4.properties.shm_size.type,parentSchema:schema4.properties.shm_size,data:data170};if(vErrors === null){vErrors = [err195];}else {vErrors.push(err195);}errors++;}}if(data.secrets !== undefined){if(!(validate37(data.secrets, {instancePath:instancePath+"/secrets",parentData:data,parentDataProperty:"secrets",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);errors = vErrors.length;}}if(data.sysctls !== undefined){if(!(validate15(data.sysctls, {instancePath:instancePath+"/sysctls",parentData:data,parentDataProperty:"sysctls",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data.stdin_open !== undefined){let data173 = data.stdin_open;if((typeof data173 !== "boolean") && (typeof data173 !== "string")){const err196 = {instancePath:instancePath+"/stdin_open",schemaPath:"#/properties/stdin_open/type",keyword:"type",params:{type: schema4.properties.stdin_open.type},message:"must be boolean,string",schema:schema4.properties.stdin_open.type,parentSchema:schema4.properties.stdin_open,data:data173};if(vErrors === null){vErrors = [err196];}else {vErrors.push(err196);}errors++;}}if(data.stop_grace_period !== undefined){let data174 = data.stop_grace_period;if(typeof data174 !== "string"){const err197 = {instancePath:instancePath+"/stop_grace_period",schemaPath:"#/properties/stop_grace_period/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.stop_grace_period.type,parentSchema:schema4.properties.stop_grace_period,data:data174};if(vErrors === null){vErrors = [err197];}else {vErrors.push(err197);}errors++;}}if(data.stop_signal !== undefined){let data175 = data.stop_signal;if(typeof data175 !== "string"){const err198 = {instancePath:instancePath+"/stop_signal",schemaPath:"#/properties/stop_signal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.stop_signal.type,parentSchema:schema4.properties.stop_signal,data:data175};if(vErrors === null){vErrors = [err198];}else {vErrors.push(err198);}errors++;}}if(data.storage_opt !== undefined){let data176 = data.storage_opt;if(!(data176 && typeof data176 == "object" && !Array.isArray(data176))){const err199 = {instancePath:instancePath+"/storage_opt",schemaPath:"#/properties/storage_opt/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.storage_opt.type,parentSchema:schema4.properties.storage_opt,data:data176};if(vErrors === null){vErrors = [err199];}else {vErrors.push(err199);}errors++;}}if(data.tmpfs !== undefined){if(!(validate2(data.tmpfs, {instancePath:instancePath+"/tmpfs",parentData:data,parentDataProperty:"tmpfs",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate2.errors : vErrors.concat(validate2.errors);errors = vErrors.length;}}if(data.tty !== undefined){let data178 = data.tty;if((typeof data178 !== "boolean") && (typeof data178 !== "string")){const err200 = {instancePath:instancePath+"/tty",schemaPath:"#/properties/tty/type",keyword:"type",params:{type: schema4.properties.tty.type},message:"must be boolean,string",schema:schema4.properties.tty.type,parentSchema:schema4.properties.tty,data:data178};if(vErrors === null){vErrors = [err200];}else {vErrors.push(err200);}errors++;}}if(data.ulimits !== undefined){if(!(validate39(data.ulimits, {instancePath:instancePath+"/ulimits",parentData:data,parentDataProperty:"ulimits",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);errors = vErrors.length;}}if(data.use_api_socket !== undefined){let data180 = data.use_api_socket;if(typeof data180 !== "boolean"){const err201 = {instancePath:instancePath+"/use_api_socket",schemaPath:"#/properties/use_api_socket/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema4.properties.use_api_socket.type,parentSchema:schema4.properties.use_api_socket,data:data180};if(vErrors === null){vErrors = [err201];}else {vErrors.push(err201);}errors++;}}if(data.user !== undefined){let data181 = data.user;if(typeof data181 !== "string"){const err202 = {instancePath:instancePath+"/user",schemaPath:"#/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.user.type,parentSchema:schema4.properties.user,data:data181};if(vErrors === null){vErrors = [err202];}else {vErrors.push(err202);}errors++;}}if(data.uts !== undefined){let data182 = data.uts;if(typeof data182 !== "string"){const err203 = {instancePath:instancePath+"/uts",schemaPath:"#/properties/uts/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.uts.type,parentSchema:schema4.properties.uts,data:data182};if(vErrors === null){vErrors = [err203];}else {vErrors.push(err203);}errors++;}}if(data.userns_mode !== undefined){let data183 = data.userns_mode;if(typeof data183 !== "string"){const err204 = {instancePath:instancePath+"/userns_mode",schemaPath:"#/properties/userns_mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.userns_mode.type,parentSchema:schema4.properties.userns_mode,data:data183};if(vErrors === null){vErrors = [err204];}else {vErrors.push(err204);}errors++;}}if(data.volumes !== undefined){let data184 = data.volumes;if(Array.isArray(data184)){const len24 = data184.length;for(let i33=0; i33<len24; i33++){let data185 = data184[i33];const _errs398 = errors;let valid90 = false;let passing13 = null;const _errs399 = errors;if(typeof data185 !== "string"){const err205 = {instancePath:instancePath+"/volumes/" + i33,schemaPath:"#/properties/volumes/items/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.volumes.items.oneOf[0].type,parentSchema:schema4.properties.volumes.items.oneOf[0],data:data185};if(vErrors === null){vErrors = [err205];}else {vErrors.push(err205);}errors++;}var _valid13 = _errs399 === errors;if(_valid13){valid90 = true;passing13 = 0;}const _errs401 = errors;if(data185 && typeof data185 == "object" && !Array.isArray(data185)){if(data185.type === undefined){const err206 = {instancePath:instancePath+"/volumes/" + i33,schemaPath:"#/properties/volumes/items/oneOf/1/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema4.properties.volumes.items.oneOf[1].required,parentSchema:schema4.properties.volumes.items.oneOf[1],data:data185};if(vErrors === null){vErrors = [err206];}else {vErrors.push(err206);}errors++;}for(const key20 in data185){if(!((func0.call(schema4.properties.volumes.items.oneOf[1].properties, key20)) || (pattern0.test(key20)))){const err207 = {instancePath:instancePath+"/volumes/" + i33,schemaPath:"#/properties/volumes/items/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.volumes.items.oneOf[1],data:data185};if(vErrors === null){vErrors = [err207];}else {vErrors.push(err207);}errors++;}}if(data185.type !== undefined){let data186 = data185.type;if(typeof data186 !== "string"){const err208 = {instancePath:instancePath+"/volumes/" + i33+"/type",schemaPath:"#/properties/volumes/items/oneOf/1/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.volumes.items.oneOf[1].properties.type.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.type,data:data186};if(vErrors === null){vErrors = [err208];}else {vErrors.push(err208);}errors++;}if(!((((((data186 === "bind") || (data186 === "volume")) || (data186 === "tmpfs")) || (data186 === "cluster")) || (data186 === "npipe")) || (data186 === "image"))){const err209 = {instancePath:instancePath+"/volumes/" + i33+"/type",schemaPath:"#/properties/volumes/items/oneOf/1/properties/type/enum",keyword:"enum",params:{allowedValues: schema4.properties.volumes.items.oneOf[1].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema4.properties.volumes.items.oneOf[1].properties.type.enum,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.type,data:data186};if(vErrors === null){vErrors = [err209];}else {vErrors.push(err209);}errors++;}}if(data185.source !== undefined){let data187 = data185.source;if(typeof data187 !== "string"){const err210 = {instancePath:instancePath+"/volumes/" + i33+"/source",schemaPath:"#/properties/volumes/items/oneOf/1/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.volumes.items.oneOf[1].properties.source.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.source,data:data187};if(vErrors === null){vErrors = [err210];}else {vErrors.push(err210);}errors++;}}if(data185.target !== undefined){let data188 = data185.target;if(typeof data188 !== "string"){const err211 = {instancePath:instancePath+"/volumes/" + i33+"/target",schemaPath:"#/properties/volumes/items/oneOf/1/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.volumes.items.oneOf[1].properties.target.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.target,data:data188};if(vErrors === null){vErrors = [err211];}else {vErrors.push(err211);}errors++;}}if(data185.read_only !== undefined){let data189 = data185.read_only;if((typeof data189 !== "boolean") && (typeof data189 !== "string")){const err212 = {instancePath:instancePath+"/volumes/" + i33+"/read_only",schemaPath:"#/properties/volumes/items/oneOf/1/properties/read_only/type",keyword:"type",params:{type: schema4.properties.volumes.items.oneOf[1].properties.read_only.type},message:"must be boolean,string",schema:schema4.properties.volumes.items.oneOf[1].properties.read_only.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.read_only,data:data189};if(vErrors === null){vErrors = [err212];}else {vErrors.push(err212);}errors++;}}if(data185.consistency !== undefined){let data190 = data185.consistency;if(typeof data190 !== "string"){const err213 = {instancePath:instancePath+"/volumes/" + i33+"/consistency",schemaPath:"#/properties/volumes/items/oneOf/1/properties/consistency/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.volumes.items.oneOf[1].properties.consistency.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.consistency,data:data190};if(vErrors === null){vErrors = [err213];}else {vErrors.push(err213);}errors++;}}if(data185.bind !== undefined){let data191 = data185.bind;if(data191 && typeof data191 == "object" && !Array.isArray(data191)){for(const key21 in data191){if(!(((((key21 === "propagation") || (key21 === "create_host_path")) || (key21 === "recursive")) || (key21 === "selinux")) || (pattern0.test(key21)))){const err214 = {instancePath:instancePath+"/volumes/" + i33+"/bind",schemaPath:"#/properties/volumes/items/oneOf/1/properties/bind/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.bind,data:data191};if(vErrors === null){vErrors = [err214];}else {vErrors.push(err214);}errors++;}}if(data191.propagation !== undefined){let data192 = data191.propagation;if(typeof data192 !== "string"){const err215 = {instancePath:instancePath+"/volumes/" + i33+"/bind/propagation",schemaPath:"#/properties/volumes/items/oneOf/1/properties/bind/properties/propagation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.volumes.items.oneOf[1].properties.bind.properties.propagation.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.bind.properties.propagation,data:data192};if(vErrors === null){vErrors = [err215];}else {vErrors.push(err215);}errors++;}}if(data191.create_host_path !== undefined){let data193 = data191.create_host_path;if((typeof data193 !== "boolean") && (typeof data193 !== "string")){const err216 = {instancePath:instancePath+"/volumes/" + i33+"/bind/create_host_path",schemaPath:"#/properties/volumes/items/oneOf/1/properties/bind/properties/create_host_path/type",keyword:"type",params:{type: schema4.properties.volumes.items.oneOf[1].properties.bind.properties.create_host_path.type},message:"must be boolean,string",schema:schema4.properties.volumes.items.oneOf[1].properties.bind.properties.create_host_path.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.bind.properties.create_host_path,data:data193};if(vErrors === null){vErrors = [err216];}else {vErrors.push(err216);}errors++;}}if(data191.recursive !== undefined){let data194 = data191.recursive;if(typeof data194 !== "string"){const err217 = {instancePath:instancePath+"/volumes/" + i33+"/bind/recursive",schemaPath:"#/properties/volumes/items/oneOf/1/properties/bind/properties/recursive/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.volumes.items.oneOf[1].properties.bind.properties.recursive.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.bind.properties.recursive,data:data194};if(vErrors === null){vErrors = [err217];}else {vErrors.push(err217);}errors++;}if(!((((data194 === "enabled") || (data194 === "disabled")) || (data194 === "writable")) || (data194 === "readonly"))){const err218 = {instancePath:instancePath+"/volumes/" + i33+"/bind/recursive",schemaPath:"#/properties/volumes/items/oneOf/1/properties/bind/properties/recursive/enum",keyword:"enum",params:{allowedValues: schema4.properties.volumes.items.oneOf[1].properties.bind.properties.recursive.enum},message:"must be equal to one of the allowed values",schema:schema4.properties.volumes.items.oneOf[1].properties.bind.properties.recursive.enum,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.bind.properties.recursive,data:data194};if(vErrors === null){vErrors = [err218];}else {vErrors.push(err218);}errors++;}}if(data191.selinux !== undefined){let data195 = data191.selinux;if(typeof data195 !== "string"){const err219 = {instancePath:instancePath+"/volumes/" + i33+"/bind/selinux",schemaPath:"#/properties/volumes/items/oneOf/1/properties/bind/properties/selinux/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.volumes.items.oneOf[1].properties.bind.properties.selinux.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.bind.properties.selinux,data:data195};if(vErrors === null){vErrors = [err219];}else {vErrors.push(err219);}errors++;}if(!((data195 === "z") || (data195 === "Z"))){const err220 = {instancePath:instancePath+"/volumes/" + i33+"/bind/selinux",schemaPath:"#/properties/volumes/items/oneOf/1/properties/bind/properties/selinux/enum",keyword:"enum",params:{allowedValues: schema4.properties.volumes.items.oneOf[1].properties.bind.properties.selinux.enum},message:"must be equal to one of the allowed values",schema:schema4.properties.volumes.items.oneOf[1].properties.bind.properties.selinux.enum,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.bind.properties.selinux,data:data195};if(vErrors === null){vErrors = [err220];}else {vErrors.push(err220);}errors++;}}}else {const err221 = {instancePath:instancePath+"/volumes/" + i33+"/bind",schemaPath:"#/properties/volumes/items/oneOf/1/properties/bind/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.volumes.items.oneOf[1].properties.bind.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.bind,data:data191};if(vErrors === null){vErrors = [err221];}else {vErrors.push(err221);}errors++;}}if(data185.volume !== undefined){let data196 = data185.volume;if(data196 && typeof data196 == "object" && !Array.isArray(data196)){for(const key22 in data196){if(!((((key22 === "labels") || (key22 === "nocopy")) || (key22 === "subpath")) || (pattern0.test(key22)))){const err222 = {instancePath:instancePath+"/volumes/" + i33+"/volume",schemaPath:"#/properties/volumes/items/oneOf/1/properties/volume/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key22},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.volume,data:data196};if(vErrors === null){vErrors = [err222];}else {vErrors.push(err222);}errors++;}}if(data196.labels !== undefined){if(!(validate15(data196.labels, {instancePath:instancePath+"/volumes/" + i33+"/volume/labels",parentData:data196,parentDataProperty:"labels",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data196.nocopy !== undefined){let data198 = data196.nocopy;if((typeof data198 !== "boolean") && (typeof data198 !== "string")){const err223 = {instancePath:instancePath+"/volumes/" + i33+"/volume/nocopy",schemaPath:"#/properties/volumes/items/oneOf/1/properties/volume/properties/nocopy/type",keyword:"type",params:{type: schema4.properties.volumes.items.oneOf[1].properties.volume.properties.nocopy.type},message:"must be boolean,string",schema:schema4.properties.volumes.items.oneOf[1].properties.volume.properties.nocopy.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.volume.properties.nocopy,data:data198};if(vErrors === null){vErrors = [err223];}else {vErrors.push(err223);}errors++;}}if(data196.subpath !== undefined){let data199 = data196.subpath;if(typeof data199 !== "string"){const err224 = {instancePath:instancePath+"/volumes/" + i33+"/volume/subpath",schemaPath:"#/properties/volumes/items/oneOf/1/properties/volume/properties/subpath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.volumes.items.oneOf[1].properties.volume.properties.subpath.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.volume.properties.subpath,data:data199};if(vErrors === null){vErrors = [err224];}else {vErrors.push(err224);}errors++;}}}else {const err225 = {instancePath:instancePath+"/volumes/" + i33+"/volume",schemaPath:"#/properties/volumes/items/oneOf/1/properties/volume/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.volumes.items.oneOf[1].properties.volume.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.volume,data:data196};if(vErrors === null){vErrors = [err225];}else {vErrors.push(err225);}errors++;}}if(data185.tmpfs !== undefined){let data200 = data185.tmpfs;if(data200 && typeof data200 == "object" && !Array.isArray(data200)){for(const key23 in data200){if(!(((key23 === "size") || (key23 === "mode")) || (pattern0.test(key23)))){const err226 = {instancePath:instancePath+"/volumes/" + i33+"/tmpfs",schemaPath:"#/properties/volumes/items/oneOf/1/properties/tmpfs/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key23},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.tmpfs,data:data200};if(vErrors === null){vErrors = [err226];}else {vErrors.push(err226);}errors++;}}if(data200.size !== undefined){let data201 = data200.size;const _errs437 = errors;let valid95 = false;let passing14 = null;const _errs438 = errors;if(!((typeof data201 == "number") && (!(data201 % 1) && !isNaN(data201)))){const err227 = {instancePath:instancePath+"/volumes/" + i33+"/tmpfs/size",schemaPath:"#/properties/volumes/items/oneOf/1/properties/tmpfs/properties/size/oneOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema4.properties.volumes.items.oneOf[1].properties.tmpfs.properties.size.oneOf[0].type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.tmpfs.properties.size.oneOf[0],data:data201};if(vErrors === null){vErrors = [err227];}else {vErrors.push(err227);}errors++;}if(typeof data201 == "number"){if(data201 < 0 || isNaN(data201)){const err228 = {instancePath:instancePath+"/volumes/" + i33+"/tmpfs/size",schemaPath:"#/properties/volumes/items/oneOf/1/properties/tmpfs/properties/size/oneOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.tmpfs.properties.size.oneOf[0],data:data201};if(vErrors === null){vErrors = [err228];}else {vErrors.push(err228);}errors++;}}var _valid14 = _errs438 === errors;if(_valid14){valid95 = true;passing14 = 0;}const _errs440 = errors;if(typeof data201 !== "string"){const err229 = {instancePath:instancePath+"/volumes/" + i33+"/tmpfs/size",schemaPath:"#/properties/volumes/items/oneOf/1/properties/tmpfs/properties/size/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.volumes.items.oneOf[1].properties.tmpfs.properties.size.oneOf[1].type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.tmpfs.properties.size.oneOf[1],data:data201};if(vErrors === null){vErrors = [err229];}else {vErrors.push(err229);}errors++;}var _valid14 = _errs440 === errors;if(_valid14 && valid95){valid95 = false;passing14 = [passing14, 1];}else {if(_valid14){valid95 = true;passing14 = 1;}}if(!valid95){const err230 = {instancePath:instancePath+"/volumes/" + i33+"/tmpfs/size",schemaPath:"#/properties/volumes/items/oneOf/1/properties/tmpfs/properties/size/oneOf",keyword:"oneOf",params:{passingSchemas: passing14},message:"must match exactly one schema in oneOf",schema:schema4.properties.volumes.items.oneOf[1].properties.tmpfs.properties.size.oneOf,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.tmpfs.properties.size,data:data201};if(vErrors === null){vErrors = [err230];}else {vErrors.push(err230);}errors++;}else {errors = _errs437;if(vErrors !== null){if(_errs437){vErrors.length = _errs437;}else {vErrors = null;}}}}if(data200.mode !== undefined){let data202 = data200.mode;if((!(typeof data202 == "number")) && (typeof data202 !== "string")){const err231 = {instancePath:instancePath+"/volumes/" + i33+"/tmpfs/mode",schemaPath:"#/properties/volumes/items/oneOf/1/properties/tmpfs/properties/mode/type",keyword:"type",params:{type: schema4.properties.volumes.items.oneOf[1].properties.tmpfs.properties.mode.type},message:"must be number,string",schema:schema4.properties.volumes.items.oneOf[1].properties.tmpfs.properties.mode.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.tmpfs.properties.mode,data:data202};if(vErrors === null){vErrors = [err231];}else {vErrors.push(err231);}errors++;}}}else {const err232 = {instancePath:instancePath+"/volumes/" + i33+"/tmpfs",schemaPath:"#/properties/volumes/items/oneOf/1/properties/tmpfs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.volumes.items.oneOf[1].properties.tmpfs.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.tmpfs,data:data200};if(vErrors === null){vErrors = [err232];}else {vErrors.push(err232);}errors++;}}if(data185.image !== undefined){let data203 = data185.image;if(data203 && typeof data203 == "object" && !Array.isArray(data203)){for(const key24 in data203){if(!((key24 === "subpath") || (pattern0.test(key24)))){const err233 = {instancePath:instancePath+"/volumes/" + i33+"/image",schemaPath:"#/properties/volumes/items/oneOf/1/properties/image/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key24},message:"must NOT have additional properties",schema:false,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.image,data:data203};if(vErrors === null){vErrors = [err233];}else {vErrors.push(err233);}errors++;}}if(data203.subpath !== undefined){let data204 = data203.subpath;if(typeof data204 !== "string"){const err234 = {instancePath:instancePath+"/volumes/" + i33+"/image/subpath",schemaPath:"#/properties/volumes/items/oneOf/1/properties/image/properties/subpath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.volumes.items.oneOf[1].properties.image.properties.subpath.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.image.properties.subpath,data:data204};if(vErrors === null){vErrors = [err234];}else {vErrors.push(err234);}errors++;}}}else {const err235 = {instancePath:instancePath+"/volumes/" + i33+"/image",schemaPath:"#/properties/volumes/items/oneOf/1/properties/image/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.volumes.items.oneOf[1].properties.image.type,parentSchema:schema4.properties.volumes.items.oneOf[1].properties.image,data:data203};if(vErrors === null){vErrors = [err235];}else {vErrors.push(err235);}errors++;}}}else {const err236 = {instancePath:instancePath+"/volumes/" + i33,schemaPath:"#/properties/volumes/items/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.properties.volumes.items.oneOf[1].type,parentSchema:schema4.properties.volumes.items.oneOf[1],data:data185};if(vErrors === null){vErrors = [err236];}else {vErrors.push(err236);}errors++;}var _valid13 = _errs401 === errors;if(_valid13 && valid90){valid90 = false;passing13 = [passing13, 1];}else {if(_valid13){valid90 = true;passing13 = 1;}}if(!valid90){const err237 = {instancePath:instancePath+"/volumes/" + i33,schemaPath:"#/properties/volumes/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing13},message:"must match exactly one schema in oneOf",schema:schema4.properties.volumes.items.oneOf,parentSchema:schema4.properties.volumes.items,data:data185};if(vErrors === null){vErrors = [err237];}else {vErrors.push(err237);}errors++;}else {errors = _errs398;if(vErrors !== null){if(_errs398){vErrors.length = _errs398;}else {vErrors = null;}}}}let i34 = data184.length;let j9;if(i34 > 1){outer1:for(;i34--;){for(j9 = i34; j9--;){if(func5(data184[i34], data184[j9])){const err238 = {instancePath:instancePath+"/volumes",schemaPath:"#/properties/volumes/uniqueItems",keyword:"uniqueItems",params:{i: i34, j: j9},message:"must NOT have duplicate items (items ## "+j9+" and "+i34+" are identical)",schema:true,parentSchema:schema4.properties.volumes,data:data184};if(vErrors === null){vErrors = [err238];}else {vErrors.push(err238);}errors++;break outer1;}}}}}else {const err239 = {instancePath:instancePath+"/volumes",schemaPath:"#/properties/volumes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.volumes.type,parentSchema:schema4.properties.volumes,data:data184};if(vErrors === null){vErrors = [err239];}else {vErrors.push(err239);}errors++;}}if(data.volumes_from !== undefined){let data205 = data.volumes_from;if(Array.isArray(data205)){const len25 = data205.length;for(let i35=0; i35<len25; i35++){let data206 = data205[i35];if(typeof data206 !== "string"){const err240 = {instancePath:instancePath+"/volumes_from/" + i35,schemaPath:"#/properties/volumes_from/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.volumes_from.items.type,parentSchema:schema4.properties.volumes_from.items,data:data206};if(vErrors === null){vErrors = [err240];}else {vErrors.push(err240);}errors++;}}let i36 = data205.length;let j10;if(i36 > 1){const indices8 = {};for(;i36--;){let item8 = data205[i36];if(typeof item8 !== "string"){continue;}if(typeof indices8[item8] == "number"){j10 = indices8[item8];const err241 = {instancePath:instancePath+"/volumes_from",schemaPath:"#/properties/volumes_from/uniqueItems",keyword:"uniqueItems",params:{i: i36, j: j10},message:"must NOT have duplicate items (items ## "+j10+" and "+i36+" are identical)",schema:true,parentSchema:schema4.properties.volumes_from,data:data205};if(vErrors === null){vErrors = [err241];}else {vErrors.push(err241);}errors++;break;}indices8[item8] = i36;}}}else {const err242 = {instancePath:instancePath+"/volumes_from",schemaPath:"#/properties/volumes_from/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.properties.volumes_from.type,parentSchema:schema4.properties.volumes_from,data:data205};if(vErrors === null){vErrors = [err242];}else {vErrors.push(err242);}errors++;}}if(data.working_dir !== undefined){let data207 = data.working_dir;if(typeof data207 !== "string"){const err243 = {instancePath:instancePath+"/working_dir",schemaPath:"#/properties/working_dir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema4.properties.working_dir.type,parentSchema:schema4.properties.working_dir,data:data207};if(vErrors === null){vErrors = [err243];}else {vErrors.push(err243);}errors++;}}}else {const err244 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema4.type,parentSchema:schema4,data};if(vErrors === null){vErrors = [err244];}else {vErrors.push(err244);}errors++;}validate8.errors = vErrors;return errors === 0;}validate8.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const schema22 = {"type":"object","description":"Language Model for the Compose application.","properties":{"name":{"type":"string","description":"Custom name for this model."},"model":{"type":"string","description":"Language Model to run."},"context_size":{"type":"integer"},"runtime_flags":{"type":"array","items":{"type":"string"},"description":"Raw runtime flags to pass to the inference engine."}},"required":["model"],"additionalProperties":false,"patternProperties":{"^x-":{}}};function validate86(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate86.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.model === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'",schema:schema22.required,parentSchema:schema22,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(((((key0 === "name") || (key0 === "model")) || (key0 === "context_size")) || (key0 === "runtime_flags")) || (pattern0.test(key0)))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema22,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 !== "string"){const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.name.type,parentSchema:schema22.properties.name,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.model !== undefined){let data1 = data.model;if(typeof data1 !== "string"){const err3 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.model.type,parentSchema:schema22.properties.model,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.context_size !== undefined){let data2 = data.context_size;if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){const err4 = {instancePath:instancePath+"/context_size",schemaPath:"#/properties/context_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.properties.context_size.type,parentSchema:schema22.properties.context_size,data:data2};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.runtime_flags !== undefined){let data3 = data.runtime_flags;if(Array.isArray(data3)){const len0 = data3.length;for(let i0=0; i0<len0; i0++){let data4 = data3[i0];if(typeof data4 !== "string"){const err5 = {instancePath:instancePath+"/runtime_flags/" + i0,schemaPath:"#/properties/runtime_flags/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.runtime_flags.items.type,parentSchema:schema22.properties.runtime_flags.items,data:data4};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}else {const err6 = {instancePath:instancePath+"/runtime_flags",schemaPath:"#/properties/runtime_flags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.runtime_flags.type,parentSchema:schema22.properties.runtime_flags,data:data3};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}else {const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.type,parentSchema:schema22,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}validate86.errors = vErrors;return errors === 0;}validate86.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const schema23 = {"type":["object","null"],"description":"Network configuration for the Compose application.","properties":{"name":{"type":"string","description":"Custom name for this network."},"driver":{"type":"string","description":"Specify which driver should be used for this network. Default is 'bridge'."},"driver_opts":{"type":"object","description":"Specify driver-specific options defined as key/value pairs.","patternProperties":{"^.+$":{"type":["string","number"]}}},"ipam":{"type":"object","description":"Custom IP Address Management configuration for this network.","properties":{"driver":{"type":"string","description":"Custom IPAM driver, instead of the default."},"config":{"type":"array","description":"List of IPAM configuration blocks.","items":{"type":"object","properties":{"subnet":{"type":"string","description":"Subnet in CIDR format that represents a network segment."},"ip_range":{"type":"string","description":"Range of IPs from which to allocate container IPs."},"gateway":{"type":"string","description":"IPv4 or IPv6 gateway for the subnet."},"aux_addresses":{"type":"object","description":"Auxiliary IPv4 or IPv6 addresses used by Network driver.","additionalProperties":false,"patternProperties":{"^.+$":{"type":"string"}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}}},"options":{"type":"object","description":"Driver-specific options for the IPAM driver.","additionalProperties":false,"patternProperties":{"^.+$":{"type":"string"}}}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"external":{"type":["boolean","string","object"],"description":"Specifies that this network already exists and was created outside of Compose.","properties":{"name":{"deprecated":true,"type":"string","description":"Specifies the name of the external network. Deprecated: use the 'name' property instead."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"internal":{"type":["boolean","string"],"description":"Create an externally isolated network."},"enable_ipv4":{"type":["boolean","string"],"description":"Enable IPv4 networking."},"enable_ipv6":{"type":["boolean","string"],"description":"Enable IPv6 networking."},"attachable":{"type":["boolean","string"],"description":"If true, standalone containers can attach to this network."},"labels":{"$ref":"#/$defs/list_or_dict","description":"Add metadata to the network using labels."}},"additionalProperties":false,"patternProperties":{"^x-":{}}};function validate88(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate88.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if((!(data && typeof data == "object" && !Array.isArray(data))) && (data !== null)){const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema23.type},message:"must be object,null",schema:schema23.type,parentSchema:schema23,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((func0.call(schema23.properties, key0)) || (pattern0.test(key0)))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema23,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 !== "string"){const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.name.type,parentSchema:schema23.properties.name,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.driver !== undefined){let data1 = data.driver;if(typeof data1 !== "string"){const err3 = {instancePath:instancePath+"/driver",schemaPath:"#/properties/driver/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.driver.type,parentSchema:schema23.properties.driver,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.driver_opts !== undefined){let data2 = data.driver_opts;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){var props0 = {};for(const key1 in data2){if(pattern34.test(key1)){let data3 = data2[key1];if((typeof data3 !== "string") && (!(typeof data3 == "number"))){const err4 = {instancePath:instancePath+"/driver_opts/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/driver_opts/patternProperties/%5E.%2B%24/type",keyword:"type",params:{type: schema23.properties.driver_opts.patternProperties["^.+$"].type},message:"must be string,number",schema:schema23.properties.driver_opts.patternProperties["^.+$"].type,parentSchema:schema23.properties.driver_opts.patternProperties["^.+$"],data:data3};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}props0[key1] = true;}}}else {const err5 = {instancePath:instancePath+"/driver_opts",schemaPath:"#/properties/driver_opts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.properties.driver_opts.type,parentSchema:schema23.properties.driver_opts,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.ipam !== undefined){let data4 = data.ipam;if(data4 && typeof data4 == "object" && !Array.isArray(data4)){for(const key2 in data4){if(!((((key2 === "driver") || (key2 === "config")) || (key2 === "options")) || (pattern0.test(key2)))){const err6 = {instancePath:instancePath+"/ipam",schemaPath:"#/properties/ipam/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema23.properties.ipam,data:data4};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data4.driver !== undefined){let data5 = data4.driver;if(typeof data5 !== "string"){const err7 = {instancePath:instancePath+"/ipam/driver",schemaPath:"#/properties/ipam/properties/driver/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.ipam.properties.driver.type,parentSchema:schema23.properties.ipam.properties.driver,data:data5};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data4.config !== undefined){let data6 = data4.config;if(Array.isArray(data6)){const len0 = data6.length;for(let i0=0; i0<len0; i0++){let data7 = data6[i0];if(data7 && typeof data7 == "object" && !Array.isArray(data7)){for(const key3 in data7){if(!(((((key3 === "subnet") || (key3 === "ip_range")) || (key3 === "gateway")) || (key3 === "aux_addresses")) || (pattern0.test(key3)))){const err8 = {instancePath:instancePath+"/ipam/config/" + i0,schemaPath:"#/properties/ipam/properties/config/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema23.properties.ipam.properties.config.items,data:data7};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data7.subnet !== undefined){let data8 = data7.subnet;if(typeof data8 !== "string"){const err9 = {instancePath:instancePath+"/ipam/config/" + i0+"/subnet",schemaPath:"#/properties/ipam/properties/config/items/properties/subnet/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.ipam.properties.config.items.properties.subnet.type,parentSchema:schema23.properties.ipam.properties.config.items.properties.subnet,data:data8};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data7.ip_range !== undefined){let data9 = data7.ip_range;if(typeof data9 !== "string"){const err10 = {instancePath:instancePath+"/ipam/config/" + i0+"/ip_range",schemaPath:"#/properties/ipam/properties/config/items/properties/ip_range/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.ipam.properties.config.items.properties.ip_range.type,parentSchema:schema23.properties.ipam.properties.config.items.properties.ip_range,data:data9};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data7.gateway !== undefined){let data10 = data7.gateway;if(typeof data10 !== "string"){const err11 = {instancePath:instancePath+"/ipam/config/" + i0+"/gateway",schemaPath:"#/properties/ipam/properties/config/items/properties/gateway/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.ipam.properties.config.items.properties.gateway.type,parentSchema:schema23.properties.ipam.properties.config.items.properties.gateway,data:data10};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data7.aux_addresses !== undefined){let data11 = data7.aux_addresses;if(data11 && typeof data11 == "object" && !Array.isArray(data11)){for(const key4 in data11){if(!(pattern34.test(key4))){const err12 = {instancePath:instancePath+"/ipam/config/" + i0+"/aux_addresses",schemaPath:"#/properties/ipam/properties/config/items/properties/aux_addresses/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema23.properties.ipam.properties.config.items.properties.aux_addresses,data:data11};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}for(const key5 in data11){if(pattern34.test(key5)){let data12 = data11[key5];if(typeof data12 !== "string"){const err13 = {instancePath:instancePath+"/ipam/config/" + i0+"/aux_addresses/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/ipam/properties/config/items/properties/aux_addresses/patternProperties/%5E.%2B%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.ipam.properties.config.items.properties.aux_addresses.patternProperties["^.+$"].type,parentSchema:schema23.properties.ipam.properties.config.items.properties.aux_addresses.patternProperties["^.+$"],data:data12};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}}}else {const err14 = {instancePath:instancePath+"/ipam/config/" + i0+"/aux_addresses",schemaPath:"#/properties/ipam/properties/config/items/properties/aux_addresses/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.properties.ipam.properties.config.items.properties.aux_addresses.type,parentSchema:schema23.properties.ipam.properties.config.items.properties.aux_addresses,data:data11};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}}else {const err15 = {instancePath:instancePath+"/ipam/config/" + i0,schemaPath:"#/properties/ipam/properties/config/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.properties.ipam.properties.config.items.type,parentSchema:schema23.properties.ipam.properties.config.items,data:data7};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}}else {const err16 = {instancePath:instancePath+"/ipam/config",schemaPath:"#/properties/ipam/properties/config/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema23.properties.ipam.properties.config.type,parentSchema:schema23.properties.ipam.properties.config,data:data6};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data4.options !== undefined){let data13 = data4.options;if(data13 && typeof data13 == "object" && !Array.isArray(data13)){for(const key6 in data13){if(!(pattern34.test(key6))){const err17 = {instancePath:instancePath+"/ipam/options",schemaPath:"#/properties/ipam/properties/options/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema23.properties.ipam.properties.options,data:data13};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}for(const key7 in data13){if(pattern34.test(key7)){let data14 = data13[key7];if(typeof data14 !== "string"){const err18 = {instancePath:instancePath+"/ipam/options/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/ipam/properties/options/patternProperties/%5E.%2B%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.ipam.properties.options.patternProperties["^.+$"].type,parentSchema:schema23.properties.ipam.properties.options.patternProperties["^.+$"],data:data14};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}}else {const err19 = {instancePath:instancePath+"/ipam/options",schemaPath:"#/properties/ipam/properties/options/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.properties.ipam.properties.options.type,parentSchema:schema23.properties.ipam.properties.options,data:data13};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}else {const err20 = {instancePath:instancePath+"/ipam",schemaPath:"#/properties/ipam/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.properties.ipam.type,parentSchema:schema23.properties.ipam,data:data4};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data.external !== undefined){let data15 = data.external;if(((typeof data15 !== "boolean") && (typeof data15 !== "string")) && (!(data15 && typeof data15 == "object" && !Array.isArray(data15)))){const err21 = {instancePath:instancePath+"/external",schemaPath:"#/properties/external/type",keyword:"type",params:{type: schema23.properties.external.type},message:"must be boolean,string,object",schema:schema23.properties.external.type,parentSchema:schema23.properties.external,data:data15};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}if(data15 && typeof data15 == "object" && !Array.isArray(data15)){for(const key8 in data15){if(!((key8 === "name") || (pattern0.test(key8)))){const err22 = {instancePath:instancePath+"/external",schemaPath:"#/properties/external/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema23.properties.external,data:data15};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data15.name !== undefined){let data16 = data15.name;if(typeof data16 !== "string"){const err23 = {instancePath:instancePath+"/external/name",schemaPath:"#/properties/external/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.external.properties.name.type,parentSchema:schema23.properties.external.properties.name,data:data16};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}}}if(data.internal !== undefined){let data17 = data.internal;if((typeof data17 !== "boolean") && (typeof data17 !== "string")){const err24 = {instancePath:instancePath+"/internal",schemaPath:"#/properties/internal/type",keyword:"type",params:{type: schema23.properties.internal.type},message:"must be boolean,string",schema:schema23.properties.internal.type,parentSchema:schema23.properties.internal,data:data17};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data.enable_ipv4 !== undefined){let data18 = data.enable_ipv4;if((typeof data18 !== "boolean") && (typeof data18 !== "string")){const err25 = {instancePath:instancePath+"/enable_ipv4",schemaPath:"#/properties/enable_ipv4/type",keyword:"type",params:{type: schema23.properties.enable_ipv4.type},message:"must be boolean,string",schema:schema23.properties.enable_ipv4.type,parentSchema:schema23.properties.enable_ipv4,data:data18};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data.enable_ipv6 !== undefined){let data19 = data.enable_ipv6;if((typeof data19 !== "boolean") && (typeof data19 !== "string")){const err26 = {instancePath:instancePath+"/enable_ipv6",schemaPath:"#/properties/enable_ipv6/type",keyword:"type",params:{type: schema23.properties.enable_ipv6.type},message:"must be boolean,string",schema:schema23.properties.enable_ipv6.type,parentSchema:schema23.properties.enable_ipv6,data:data19};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data.attachable !== undefined){let data20 = data.attachable;if((typeof data20 !== "boolean") && (typeof data20 !== "string")){const err27 = {instancePath:instancePath+"/attachable",schemaPath:"#/properties/attachable/type",keyword:"type",params:{type: schema23.properties.attachable.type},message:"must be boolean,string",schema:schema23.properties.attachable.type,parentSchema:schema23.properties.attachable,data:data20};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data.labels !== undefined){if(!(validate15(data.labels, {instancePath:instancePath+"/labels",parentData:data,parentDataProperty:"labels",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}}validate88.errors = vErrors;return errors === 0;}validate88.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const schema24 = {"type":["object","null"],"description":"Volume configuration for the Compose application.","properties":{"name":{"type":"string","description":"Custom name for this volume."},"driver":{"type":"string","description":"Specify which volume driver should be used for this volume."},"driver_opts":{"type":"object","description":"Specify driver-specific options.","patternProperties":{"^.+$":{"type":["string","number"]}}},"external":{"type":["boolean","string","object"],"description":"Specifies that this volume already exists and was created outside of Compose.","properties":{"name":{"deprecated":true,"type":"string","description":"Specifies the name of the external volume. Deprecated: use the 'name' property instead."}},"additionalProperties":false,"patternProperties":{"^x-":{}}},"labels":{"$ref":"#/$defs/list_or_dict","description":"Add metadata to the volume using labels."}},"additionalProperties":false,"patternProperties":{"^x-":{}}};function validate91(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate91.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if((!(data && typeof data == "object" && !Array.isArray(data))) && (data !== null)){const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema24.type},message:"must be object,null",schema:schema24.type,parentSchema:schema24,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((((((key0 === "name") || (key0 === "driver")) || (key0 === "driver_opts")) || (key0 === "external")) || (key0 === "labels")) || (pattern0.test(key0)))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema24,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 !== "string"){const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.name.type,parentSchema:schema24.properties.name,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.driver !== undefined){let data1 = data.driver;if(typeof data1 !== "string"){const err3 = {instancePath:instancePath+"/driver",schemaPath:"#/properties/driver/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.driver.type,parentSchema:schema24.properties.driver,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.driver_opts !== undefined){let data2 = data.driver_opts;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){var props0 = {};for(const key1 in data2){if(pattern34.test(key1)){let data3 = data2[key1];if((typeof data3 !== "string") && (!(typeof data3 == "number"))){const err4 = {instancePath:instancePath+"/driver_opts/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/driver_opts/patternProperties/%5E.%2B%24/type",keyword:"type",params:{type: schema24.properties.driver_opts.patternProperties["^.+$"].type},message:"must be string,number",schema:schema24.properties.driver_opts.patternProperties["^.+$"].type,parentSchema:schema24.properties.driver_opts.patternProperties["^.+$"],data:data3};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}props0[key1] = true;}}}else {const err5 = {instancePath:instancePath+"/driver_opts",schemaPath:"#/properties/driver_opts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.properties.driver_opts.type,parentSchema:schema24.properties.driver_opts,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.external !== undefined){let data4 = data.external;if(((typeof data4 !== "boolean") && (typeof data4 !== "string")) && (!(data4 && typeof data4 == "object" && !Array.isArray(data4)))){const err6 = {instancePath:instancePath+"/external",schemaPath:"#/properties/external/type",keyword:"type",params:{type: schema24.properties.external.type},message:"must be boolean,string,object",schema:schema24.properties.external.type,parentSchema:schema24.properties.external,data:data4};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(data4 && typeof data4 == "object" && !Array.isArray(data4)){for(const key2 in data4){if(!((key2 === "name") || (pattern0.test(key2)))){const err7 = {instancePath:instancePath+"/external",schemaPath:"#/properties/external/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema24.properties.external,data:data4};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data4.name !== undefined){let data5 = data4.name;if(typeof data5 !== "string"){const err8 = {instancePath:instancePath+"/external/name",schemaPath:"#/properties/external/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.external.properties.name.type,parentSchema:schema24.properties.external.properties.name,data:data5};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}}if(data.labels !== undefined){if(!(validate15(data.labels, {instancePath:instancePath+"/labels",parentData:data,parentDataProperty:"labels",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}}validate91.errors = vErrors;return errors === 0;}validate91.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const schema25 = {"type":"object","description":"Secret configuration for the Compose application.","properties":{"name":{"type":"string","description":"Custom name for this secret."},"environment":{"type":"string","description":"Name of an environment variable from which to get the secret value."},"file":{"type":"string","description":"Path to a file containing the secret value."},"external":{"type":["boolean","string","object"],"description":"Specifies that this secret already exists and was created outside of Compose.","properties":{"name":{"type":"string","description":"Specifies the name of the external secret."}}},"labels":{"$ref":"#/$defs/list_or_dict","description":"Add metadata to the secret using labels."},"driver":{"type":"string","description":"Specify which secret driver should be used for this secret."},"driver_opts":{"type":"object","description":"Specify driver-specific options.","patternProperties":{"^.+$":{"type":["string","number"]}}},"template_driver":{"type":"string","description":"Driver to use for templating the secret's value."}},"additionalProperties":false,"patternProperties":{"^x-":{}}};function validate94(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate94.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(((((((((key0 === "name") || (key0 === "environment")) || (key0 === "file")) || (key0 === "external")) || (key0 === "labels")) || (key0 === "driver")) || (key0 === "driver_opts")) || (key0 === "template_driver")) || (pattern0.test(key0)))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema25,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 !== "string"){const err1 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.name.type,parentSchema:schema25.properties.name,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.environment !== undefined){let data1 = data.environment;if(typeof data1 !== "string"){const err2 = {instancePath:instancePath+"/environment",schemaPath:"#/properties/environment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.environment.type,parentSchema:schema25.properties.environment,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.file !== undefined){let data2 = data.file;if(typeof data2 !== "string"){const err3 = {instancePath:instancePath+"/file",schemaPath:"#/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.file.type,parentSchema:schema25.properties.file,data:data2};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.external !== undefined){let data3 = data.external;if(((typeof data3 !== "boolean") && (typeof data3 !== "string")) && (!(data3 && typeof data3 == "object" && !Array.isArray(data3)))){const err4 = {instancePath:instancePath+"/external",schemaPath:"#/properties/external/type",keyword:"type",params:{type: schema25.properties.external.type},message:"must be boolean,string,object",schema:schema25.properties.external.type,parentSchema:schema25.properties.external,data:data3};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data3 && typeof data3 == "object" && !Array.isArray(data3)){if(data3.name !== undefined){let data4 = data3.name;if(typeof data4 !== "string"){const err5 = {instancePath:instancePath+"/external/name",schemaPath:"#/properties/external/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.external.properties.name.type,parentSchema:schema25.properties.external.properties.name,data:data4};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}}if(data.labels !== undefined){if(!(validate15(data.labels, {instancePath:instancePath+"/labels",parentData:data,parentDataProperty:"labels",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data.driver !== undefined){let data6 = data.driver;if(typeof data6 !== "string"){const err6 = {instancePath:instancePath+"/driver",schemaPath:"#/properties/driver/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.driver.type,parentSchema:schema25.properties.driver,data:data6};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.driver_opts !== undefined){let data7 = data.driver_opts;if(data7 && typeof data7 == "object" && !Array.isArray(data7)){var props1 = {};for(const key1 in data7){if(pattern34.test(key1)){let data8 = data7[key1];if((typeof data8 !== "string") && (!(typeof data8 == "number"))){const err7 = {instancePath:instancePath+"/driver_opts/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/driver_opts/patternProperties/%5E.%2B%24/type",keyword:"type",params:{type: schema25.properties.driver_opts.patternProperties["^.+$"].type},message:"must be string,number",schema:schema25.properties.driver_opts.patternProperties["^.+$"].type,parentSchema:schema25.properties.driver_opts.patternProperties["^.+$"],data:data8};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}props1[key1] = true;}}}else {const err8 = {instancePath:instancePath+"/driver_opts",schemaPath:"#/properties/driver_opts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.properties.driver_opts.type,parentSchema:schema25.properties.driver_opts,data:data7};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.template_driver !== undefined){let data9 = data.template_driver;if(typeof data9 !== "string"){const err9 = {instancePath:instancePath+"/template_driver",schemaPath:"#/properties/template_driver/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.template_driver.type,parentSchema:schema25.properties.template_driver,data:data9};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}else {const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.type,parentSchema:schema25,data};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}validate94.errors = vErrors;return errors === 0;}validate94.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const schema26 = {"type":"object","description":"Config configuration for the Compose application.","properties":{"name":{"type":"string","description":"Custom name for this config."},"content":{"type":"string","description":"Inline content of the config."},"environment":{"type":"string","description":"Name of an environment variable from which to get the config value."},"file":{"type":"string","description":"Path to a file containing the config value."},"external":{"type":["boolean","string","object"],"description":"Specifies that this config already exists and was created outside of Compose.","properties":{"name":{"deprecated":true,"type":"string","description":"Specifies the name of the external config. Deprecated: use the 'name' property instead."}}},"labels":{"$ref":"#/$defs/list_or_dict","description":"Add metadata to the config using labels."},"template_driver":{"type":"string","description":"Driver to use for templating the config's value."}},"additionalProperties":false,"patternProperties":{"^x-":{}}};function validate97(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate97.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((((((((key0 === "name") || (key0 === "content")) || (key0 === "environment")) || (key0 === "file")) || (key0 === "external")) || (key0 === "labels")) || (key0 === "template_driver")) || (pattern0.test(key0)))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema26,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 !== "string"){const err1 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.name.type,parentSchema:schema26.properties.name,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.content !== undefined){let data1 = data.content;if(typeof data1 !== "string"){const err2 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.content.type,parentSchema:schema26.properties.content,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.environment !== undefined){let data2 = data.environment;if(typeof data2 !== "string"){const err3 = {instancePath:instancePath+"/environment",schemaPath:"#/properties/environment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.environment.type,parentSchema:schema26.properties.environment,data:data2};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.file !== undefined){let data3 = data.file;if(typeof data3 !== "string"){const err4 = {instancePath:instancePath+"/file",schemaPath:"#/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.file.type,parentSchema:schema26.properties.file,data:data3};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.external !== undefined){let data4 = data.external;if(((typeof data4 !== "boolean") && (typeof data4 !== "string")) && (!(data4 && typeof data4 == "object" && !Array.isArray(data4)))){const err5 = {instancePath:instancePath+"/external",schemaPath:"#/properties/external/type",keyword:"type",params:{type: schema26.properties.external.type},message:"must be boolean,string,object",schema:schema26.properties.external.type,parentSchema:schema26.properties.external,data:data4};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data4 && typeof data4 == "object" && !Array.isArray(data4)){if(data4.name !== undefined){let data5 = data4.name;if(typeof data5 !== "string"){const err6 = {instancePath:instancePath+"/external/name",schemaPath:"#/properties/external/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.external.properties.name.type,parentSchema:schema26.properties.external.properties.name,data:data5};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}}if(data.labels !== undefined){if(!(validate15(data.labels, {instancePath:instancePath+"/labels",parentData:data,parentDataProperty:"labels",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data.template_driver !== undefined){let data7 = data.template_driver;if(typeof data7 !== "string"){const err7 = {instancePath:instancePath+"/template_driver",schemaPath:"#/properties/template_driver/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.template_driver.type,parentSchema:schema26.properties.template_driver,data:data7};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}}else {const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema26.type,parentSchema:schema26,data};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}validate97.errors = vErrors;return errors === 0;}validate97.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};function validate0(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){/*# sourceURL="compose_spec.json" */;let vErrors = null;let errors = 0;const evaluated0 = validate0.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((func0.call(schema0.properties, key0)) || (pattern0.test(key0)))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema0,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.version !== undefined){let data0 = data.version;if(typeof data0 !== "string"){const err1 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.version.type,parentSchema:schema0.properties.version,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.name !== undefined){let data1 = data.name;if(typeof data1 !== "string"){const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.name.type,parentSchema:schema0.properties.name,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.include !== undefined){let data2 = data.include;if(Array.isArray(data2)){const len0 = data2.length;for(let i0=0; i0<len0; i0++){if(!(validate1(data2[i0], {instancePath:instancePath+"/include/" + i0,parentData:data2,parentDataProperty:i0,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate1.errors : vErrors.concat(validate1.errors);errors = vErrors.length;}}}else {const err3 = {instancePath:instancePath+"/include",schemaPath:"#/properties/include/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema0.properties.include.type,parentSchema:schema0.properties.include,data:data2};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.services !== undefined){let data4 = data.services;if(data4 && typeof data4 == "object" && !Array.isArray(data4)){for(const key1 in data4){if(!(pattern1.test(key1))){const err4 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema0.properties.services,data:data4};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}for(const key2 in data4){if(pattern1.test(key2)){if(!(validate8(data4[key2], {instancePath:instancePath+"/services/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data4,parentDataProperty:key2,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate8.errors : vErrors.concat(validate8.errors);errors = vErrors.length;}}}}else {const err5 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.services.type,parentSchema:schema0.properties.services,data:data4};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.models !== undefined){let data6 = data.models;if(data6 && typeof data6 == "object" && !Array.isArray(data6)){var props1 = {};for(const key3 in data6){if(pattern1.test(key3)){if(!(validate86(data6[key3], {instancePath:instancePath+"/models/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data6,parentDataProperty:key3,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate86.errors : vErrors.concat(validate86.errors);errors = vErrors.length;}props1[key3] = true;}}}else {const err6 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.models.type,parentSchema:schema0.properties.models,data:data6};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.networks !== undefined){let data8 = data.networks;if(data8 && typeof data8 == "object" && !Array.isArray(data8)){var props2 = {};for(const key4 in data8){if(pattern1.test(key4)){if(!(validate88(data8[key4], {instancePath:instancePath+"/networks/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data8,parentDataProperty:key4,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate88.errors : vErrors.concat(validate88.errors);errors = vErrors.length;}props2[key4] = true;}}}else {const err7 = {instancePath:instancePath+"/networks",schemaPath:"#/properties/networks/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.networks.type,parentSchema:schema0.properties.networks,data:data8};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.volumes !== undefined){let data10 = data.volumes;if(data10 && typeof data10 == "object" && !Array.isArray(data10)){for(const key5 in data10){if(!(pattern1.test(key5))){const err8 = {instancePath:instancePath+"/volumes",schemaPath:"#/properties/volumes/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema0.properties.volumes,data:data10};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}for(const key6 in data10){if(pattern1.test(key6)){if(!(validate91(data10[key6], {instancePath:instancePath+"/volumes/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data10,parentDataProperty:key6,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);errors = vErrors.length;}}}}else {const err9 = {instancePath:instancePath+"/volumes",schemaPath:"#/properties/volumes/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.volumes.type,parentSchema:schema0.properties.volumes,data:data10};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.secrets !== undefined){let data12 = data.secrets;if(data12 && typeof data12 == "object" && !Array.isArray(data12)){for(const key7 in data12){if(!(pattern1.test(key7))){const err10 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema0.properties.secrets,data:data12};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}for(const key8 in data12){if(pattern1.test(key8)){if(!(validate94(data12[key8], {instancePath:instancePath+"/secrets/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data12,parentDataProperty:key8,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate94.errors : vErrors.concat(validate94.errors);errors = vErrors.length;}}}}else {const err11 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.secrets.type,parentSchema:schema0.properties.secrets,data:data12};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.configs !== undefined){let data14 = data.configs;if(data14 && typeof data14 == "object" && !Array.isArray(data14)){for(const key9 in data14){if(!(pattern1.test(key9))){const err12 = {instancePath:instancePath+"/configs",schemaPath:"#/properties/configs/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema0.properties.configs,data:data14};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}for(const key10 in data14){if(pattern1.test(key10)){if(!(validate97(data14[key10], {instancePath:instancePath+"/configs/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data14,parentDataProperty:key10,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate97.errors : vErrors.concat(validate97.errors);errors = vErrors.length;}}}}else {const err13 = {instancePath:instancePath+"/configs",schemaPath:"#/properties/configs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.configs.type,parentSchema:schema0.properties.configs,data:data14};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}}else {const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.type,parentSchema:schema0,data};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}validate0.errors = vErrors;return errors === 0;}validate0.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


/***/ })

};

//# sourceMappingURL=225.index.js.map