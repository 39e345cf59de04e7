export const id = 372;
export const ids = [372];
export const modules = {

/***/ 4372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   artifactValidator: () => (/* binding */ artifactValidator)
/* harmony export */ });
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _artifact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8338);


/**
 * The report artifact's JSON schema: what `mode: post` accepts from the (untrusted) report job —
 * known keys only, bounded sizes and counts.
 */
const position = {
    type: 'object',
    required: ['line', 'column'],
    additionalProperties: false,
    properties: {
        line: { type: 'integer', minimum: 1, maximum: 10_000_000 },
        column: { type: 'integer', minimum: 1, maximum: 100_000_000 }
    }
};
const range = {
    type: 'object',
    required: ['start', 'end'],
    additionalProperties: false,
    properties: { start: position, end: position }
};
const text = (max) => ({ type: 'string', maxLength: max });
const schema = {
    type: 'object',
    additionalProperties: false,
    required: [
        'version',
        'tool',
        'repository',
        'pullRequest',
        'headSha',
        'filterMode',
        'failOn',
        'failed',
        'reason',
        'findings',
        'notes',
        'tags'
    ],
    properties: {
        version: { const: _artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .ARTIFACT_VERSION */ .uE },
        tool: { const: 'docker-review' },
        repository: { type: 'string', pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$' },
        pullRequest: { type: 'integer', minimum: 1 },
        headSha: { type: 'string', pattern: '^[0-9a-f]{40}$' },
        filterMode: { enum: ['added', 'diff_context', 'file', 'nofilter'] },
        failOn: { enum: ['error', 'warning', 'info', 'style', 'none'] },
        failed: { type: 'boolean' },
        reason: text(1000),
        notes: { type: 'array', maxItems: 1000, items: text(1000) },
        tags: { type: 'array', maxItems: 1000, items: text(300) },
        findings: {
            type: 'array',
            maxItems: 20_000,
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['rule', 'severity', 'message', 'file', 'range'],
                properties: {
                    rule: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' },
                    severity: { enum: ['error', 'warning', 'info', 'style'] },
                    message: text(4000),
                    file: text(1000),
                    range,
                    review: { enum: ['inline', 'summary'] },
                    fix: {
                        type: 'object',
                        additionalProperties: false,
                        required: ['description', 'safe', 'edits'],
                        properties: {
                            description: text(1000),
                            safe: { type: 'boolean' },
                            edits: {
                                type: 'array',
                                maxItems: 100,
                                items: {
                                    type: 'object',
                                    additionalProperties: false,
                                    required: ['range', 'text'],
                                    properties: { range, text: text(100_000) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
};
function artifactValidator() {
    return new ajv__WEBPACK_IMPORTED_MODULE_1__.Ajv({ allErrors: false, strict: false }).compile(schema);
}


/***/ })

};

//# sourceMappingURL=372.index.js.map