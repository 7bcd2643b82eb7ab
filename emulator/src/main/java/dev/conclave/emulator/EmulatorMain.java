package dev.conclave.emulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link ParticipantEmulator} on its own, so other tools can talk to it. Options: {@code --port N}
 * (default 8080), {@code --account-sid AC...}, {@code --auth-token TOKEN} (default: generated),
 * {@code --seed-conference NAME} with {@code --seed-count N}, {@code --exit-after SECONDS}. Prints the base URI
 * and credentials at start.
 */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    /**
     * Starts the emulator and serves until the process is stopped, or for {@code --exit-after} seconds.
     *
     * @param args the options above
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    public static void main(String[] args) throws InterruptedException {
        run(args, System.out, new CountDownLatch(1));
    }

    static void run(String[] args, PrintStream out, CountDownLatch stop) throws InterruptedException {
        int port = 8080;
        String accountSid = null;
        String authToken = null;
        String seedConference = null;
        int seedCount = 0;
        long exitAfter = -1;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> port = Integer.parseInt(value);
                case "--account-sid" -> accountSid = value;
                case "--auth-token" -> authToken = value;
                case "--seed-conference" -> seedConference = value;
                case "--seed-count" -> seedCount = Integer.parseInt(value);
                case "--exit-after" -> exitAfter = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "; known: --port, "
                        + "--account-sid, --auth-token, --seed-conference, --seed-count, --exit-after");
            }
        }
        // Standalone, nothing can read the journal: keeping one would only grow with every request served.
        ParticipantEmulator.Builder builder = ParticipantEmulator.builder().port(port).journalLimit(0);
        if (accountSid != null || authToken != null) {
            if (accountSid == null || authToken == null) {
                throw new IllegalArgumentException("--account-sid and --auth-token go together");
            }
            builder.account(accountSid, authToken);
        }
        try (ParticipantEmulator emulator = builder.start()) {
            out.println("Conclave Conference API emulator listening on " + emulator.baseUri());
            out.println("Account SID: " + emulator.accountSid());
            out.println("Auth token:  " + emulator.authToken());
            if (seedConference != null) {
                String sid = emulator.createConference(seedConference);
                emulator.seedParticipants(sid, seedCount);
                out.println("Conference '" + seedConference + "': " + sid + " with " + seedCount + " participants");
            }
            out.flush();
            if (exitAfter >= 0) {
                stop.await(exitAfter, TimeUnit.SECONDS);
            } else {
                stop.await();
            }
        }
    }
}
