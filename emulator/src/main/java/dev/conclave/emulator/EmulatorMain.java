package dev.conclave.emulator;

import dev.conclave.emulator.internal.JournalFile;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link ParticipantEmulator} on its own, for tools in any language:
 * {@code java -jar conclave-emulator-<version>-standalone.jar --port 8080}. {@code --help} prints the options.
 *
 * <p>When it listens it prints one line a program can wait for and parse, its last line at start:
 * {@value #READY} followed by {@code baseUri=...}, {@code accountSid=...} and {@code authToken=...}, separated by
 * single spaces. Exit status: 0 after {@code --exit-after} or {@code --help}; 1 when it cannot listen (a port in
 * use), within a second and with one line on standard error; 2 for a bad argument, with the usage.
 */
public final class EmulatorMain {
    /** The first word of the ready line. */
    public static final String READY = "CONCLAVE_EMULATOR_READY";

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar conclave-emulator-<version>-standalone.jar [options]",
            "  --port N                 port on 127.0.0.1 (default 8080; 0 picks a free one)",
            "  --account-sid AC...      the account's SID, with --auth-token (default: generated)",
            "  --auth-token TOKEN       the account's auth token, with --account-sid",
            "  --seed-conference NAME   create a conference of this friendly name at start",
            "  --seed-count N           participants to put in it (default 0)",
            "  --journal FILE           append each request served to FILE: one JSON object a line (method,",
            "                           path, query, status, fault); bodies are left out, as they may hold secrets",
            "  --exit-after SECONDS     stop after this long (default: serve until the process is stopped)",
            "  --help                   print this and exit",
            "Exit status: 0 done, 1 cannot listen, 2 bad argument.");

    private EmulatorMain() {
    }

    /**
     * Starts the emulator and serves until the process is stopped, or for {@code --exit-after} seconds, then
     * exits with the status described above.
     *
     * @param args the options {@code --help} lists
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int status = run(args, System.out, System.err, new CountDownLatch(1));
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns its exit status. Serving ends when {@code stop} counts down or time is up. */
    static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException bad) {
            err.println("conclave-emulator: " + bad.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.help) {
            out.println(USAGE);
            return 0;
        }
        // Standalone, nothing in the process reads the in-memory journal: it would only grow with every request.
        ParticipantEmulator.Builder builder = ParticipantEmulator.builder().port(options.port).journalLimit(0);
        if (options.accountSid != null) {
            builder.account(options.accountSid, options.authToken);
        }
        JournalFile journal = null;
        ParticipantEmulator emulator;
        try {
            if (options.journal != null) {
                journal = new JournalFile(options.journal);
                builder.exchangeListener(journal::write);
            }
            emulator = builder.start();
        } catch (IllegalStateException | UncheckedIOException cannot) {
            err.println("conclave-emulator: " + cannot.getMessage());
            if (journal != null) {
                journal.close();
            }
            return 1;
        }
        try (emulator) {
            out.println("Conclave Conference API emulator listening on " + emulator.baseUri());
            if (options.seedConference != null) {
                String sid = emulator.createConference(options.seedConference);
                emulator.seedParticipants(sid, options.seedCount);
                out.println("Conference '" + options.seedConference + "': " + sid + " with " + options.seedCount
                        + " participants");
            }
            out.println(READY + " baseUri=" + emulator.baseUri() + " accountSid=" + emulator.accountSid()
                    + " authToken=" + emulator.authToken());
            out.flush();
            if (options.exitAfterSeconds >= 0) {
                stop.await(options.exitAfterSeconds, TimeUnit.SECONDS);
            } else {
                stop.await();
            }
        } finally {
            if (journal != null) {
                journal.close();
            }
        }
        return 0;
    }

    /** The parsed command line. */
    private static final class Options {
        int port = 8080;
        String accountSid;
        String authToken;
        String seedConference;
        int seedCount;
        Path journal;
        long exitAfterSeconds = -1;
        boolean help;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    options.help = true;
                    continue;
                }
                if (!option.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + option + "'");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--port" -> options.port = number(option, value, 0, 65535);
                    case "--account-sid" -> options.accountSid = value;
                    case "--auth-token" -> options.authToken = value;
                    case "--seed-conference" -> options.seedConference = value;
                    case "--seed-count" -> options.seedCount = number(option, value, 0, 100_000);
                    case "--journal" -> options.journal = Path.of(value);
                    case "--exit-after" -> options.exitAfterSeconds = number(option, value, 0, Integer.MAX_VALUE);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if ((options.accountSid == null) != (options.authToken == null)) {
                throw new IllegalArgumentException("--account-sid and --auth-token go together");
            }
            if (options.accountSid != null && !options.accountSid.matches("AC[0-9a-f]{32}")) {
                throw new IllegalArgumentException("--account-sid must be AC followed by 32 hex digits");
            }
            if (options.seedCount > 0 && options.seedConference == null) {
                throw new IllegalArgumentException("--seed-count needs --seed-conference");
            }
            return options;
        }

        private static int number(String option, String value, int min, int max) {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // Reported below, with the range.
            }
            throw new IllegalArgumentException(option + " must be a whole number from " + min + " to " + max
                    + ", got '" + value + "'");
        }
    }
}
