/** Conclave's request and response values: immutable, generated from the OpenAPI spec, with no dependency. */
module dev.conclave.model {
    exports dev.conclave.model;
}
