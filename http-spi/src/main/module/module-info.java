/**
 * Conclave's transport SPI, with no dependency: what a transport implements and a client calls. The internal
 * package holds machinery that Conclave's own modules share; it is exported to them alone.
 */
module dev.conclave.http {
    exports dev.conclave.http;
    exports dev.conclave.http.internal to dev.conclave.core, dev.conclave.transport.apache,
            dev.conclave.transport.netty;
}
