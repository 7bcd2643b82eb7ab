package dev.conclave.tck;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;

/**
 * Self-signed certificates made when a test runs, and the TLS contexts to serve and to trust them: for HTTPS
 * tests against the emulator ({@link dev.conclave.emulator.ParticipantEmulator.Builder#https(SSLContext)}) and
 * for the transport conformance kit. Nothing is read from or written to disk.
 */
public final class TestCertificates {
    private TestCertificates() {
    }

    /**
     * A certificate for the IP address 127.0.0.1 (what the emulator's base URI names).
     *
     * @return a new self-signed certificate with its private key
     * @throws IllegalStateException if the certificate cannot be made
     */
    public static X509Bundle forLoopback() {
        return selfSigned("127.0.0.1", true);
    }

    /**
     * A certificate for the DNS name {@code host}, e.g. to check that a client refuses it for 127.0.0.1.
     *
     * @param host the DNS name the certificate names, as subject and subject alternative name
     * @return a new self-signed certificate with its private key
     * @throws IllegalStateException if the certificate cannot be made
     */
    public static X509Bundle forHost(String host) {
        return selfSigned(host, false);
    }

    private static X509Bundle selfSigned(String name, boolean ipAddress) {
        CertificateBuilder builder = new CertificateBuilder().subject("CN=" + name).setIsCertificateAuthority(true)
                .ecp256();
        try {
            return (ipAddress ? builder.addSanIpAddress(name) : builder.addSanDnsName(name)).buildSelfSigned();
        } catch (Exception failed) {
            throw new IllegalStateException("cannot make a test certificate for " + name, failed);
        }
    }

    /**
     * A server context presenting the certificate.
     *
     * @param certificate the certificate and its private key, e.g. from {@link #forLoopback()}
     * @return a new TLS context whose key manager presents it
     * @throws IllegalStateException if the context cannot be made
     */
    public static SSLContext serving(X509Bundle certificate) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(certificate.toKeyManagerFactory().getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("cannot make a TLS server context", failed);
        }
    }

    /**
     * A client context trusting the certificate (and nothing else).
     *
     * @param certificate the certificate to trust
     * @return a new TLS context whose trust manager trusts only it
     * @throws IllegalStateException if the context cannot be made
     */
    public static SSLContext trusting(X509Bundle certificate) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, certificate.toTrustManagerFactory().getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("cannot make a TLS client context", failed);
        }
    }
}
