package dev.conclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The emulator as a command: its options, exit statuses, ready line and journal file. */
@Timeout(60)
class EmulatorMainTest {
    private static final Pattern READY_LINE = Pattern.compile("^CONCLAVE_EMULATOR_READY baseUri=(http://127\\.0\\.0\\.1:"
            + "\\d+) accountSid=(AC[0-9a-f]{32}) authToken=(\\S+)$", Pattern.MULTILINE);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(CountDownLatch stop, String... args) throws InterruptedException {
        return EmulatorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stop);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        assertThat(run(new CountDownLatch(1), "--help")).isZero();
        assertThat(printed()).contains("Usage:").contains("--port").contains("--journal").contains("Exit status");
        assertThat(errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port eighty", "--port 70000", "--colour blue", "--port", "stray",
        "--account-sid AC00000000000000000000000000000000", "--seed-count 3", "--exit-after -1"})
    void aBadArgumentPrintsWhatIsWrongAndTheUsageAndExitsTwo(String line) throws Exception {
        assertThat(run(new CountDownLatch(1), line.split(" "))).isEqualTo(2);
        assertThat(errors()).startsWith("conclave-emulator: ").contains("Usage:");
        assertThat(errors().lines().findFirst().orElseThrow()).containsAnyOf("--port", "--colour", "stray",
                "--account-sid", "--seed-count", "--exit-after");
        assertThat(printed()).isEmpty();
    }

    @Test
    void aPortInUsePrintsOneLineAndExitsOneWithinASecond() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long started = System.nanoTime();
            int status = run(new CountDownLatch(1), "--port", String.valueOf(busy.getLocalPort()));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(status).isEqualTo(1);
            assertThat(millis).as("ms to give up").isLessThan(1000);
            assertThat(errors().lines()).hasSize(1).first().asString()
                    .contains("127.0.0.1:" + busy.getLocalPort()).contains("in use");
            assertThat(printed()).isEmpty();
        }
    }

    @Test
    void theCommandItselfExitsOneOnABusyPortInsteadOfHanging() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName(),
                    "--port", String.valueOf(busy.getLocalPort())).redirectErrorStream(true).start();
            boolean ended = process.waitFor(20, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            assertThat(ended).as("the process ended (before the fix its event loop threads kept it alive)").isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("cannot listen on 127.0.0.1:" + busy.getLocalPort());
        }
    }

    @Test
    void theBuilderThrowsAtOnceOnABusyPortAndLeavesNoThreadBehind() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Thread> before = List.copyOf(Thread.getAllStackTraces().keySet());
            assertThatThrownBy(() -> ParticipantEmulator.builder().port(busy.getLocalPort()).start())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
            // The emulator's own threads: its event loop's and its callback sender's (other tests' HTTP client
            // threads come and go meanwhile).
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(thread -> !before.contains(thread)
                    && thread.isAlive() && (thread.getName().startsWith("multiThreadIoEventLoopGroup")
                    || thread.getName().startsWith("emulator-"))).as("the emulator's threads left running").isEmpty();
        }
    }

    @Test
    void theReadyLineCarriesWhatAClientNeedsAndTheJournalFileGetsEveryRequest(@TempDir Path dir)
            throws Exception {
        Path journal = dir.resolve("journal.jsonl");
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> {
            try {
                return run(stop, "--port", "0", "--seed-conference", "demo", "--seed-count", "3",
                        "--journal", journal.toString());
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        });
        Matcher ready = READY_LINE.matcher("");
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); !ready.reset(printed()).find(); ) {
            assertThat(System.nanoTime()).as("the ready line within 20 s").isLessThan(deadline);
            assertThat(status).isNotDone();
            Thread.sleep(20);
        }
        String conference = printed().replaceAll("(?s).*Conference 'demo': (CF[0-9a-f]{32}).*", "$1");
        HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                ready.group(1) + "/2010-04-01/Accounts/" + ready.group(2) + "/Conferences/" + conference
                        + "/Participants.json")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ready.group(2) + ":"
                        + ready.group(3)).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"participants\"");
        stop.countDown();
        assertThat(status.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(Files.readAllLines(journal)).containsExactly("{\"method\":\"GET\",\"path\":\"/2010-04-01/Accounts/"
                + ready.group(2) + "/Conferences/" + conference + "/Participants.json\",\"query\":null,"
                + "\"status\":200,\"fault\":null}");
    }
}
