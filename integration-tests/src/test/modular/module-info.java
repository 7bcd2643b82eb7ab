/** A user's program on the module path: it names core alone and gets whichever transport module is present. */
module dev.conclave.it.modular {
    requires dev.conclave.core;
}
