/** An in-process emulator of Twilio's Conference API on loopback, for tests and demos. */
module dev.conclave.emulator {
    requires transitive dev.conclave.core;
    requires com.fasterxml.jackson.core;
    requires io.netty.common;
    requires io.netty.buffer;
    requires io.netty.transport;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.handler;

    exports dev.conclave.emulator;
}
