/**
 * The transport conformance kit: an abstract JUnit 5 suite that a transport's test class extends. Its package is
 * open to JUnit, which runs the inherited test methods reflectively.
 */
module dev.conclave.tck {
    requires transitive dev.conclave.core;
    requires transitive dev.conclave.emulator;
    requires transitive org.junit.jupiter.api;
    requires io.netty.pkitesting;

    exports dev.conclave.tck;
    opens dev.conclave.tck to org.junit.platform.commons;
}
