package dev.conclave.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Participants pages as Twilio sends them, generated deterministically (the same seed gives the same bytes):
 * the fields in the order of Twilio's schema, 34-character SIDs, RFC 2822 dates, labels (some absent), every
 * status, booleans, queue times and URIs.
 */
public final class PageData {
    /** The account of every generated participant. */
    public static final String ACCOUNT = "AC4f9a2c1e7b3d5a6f8e0c2b4d6a8f0e1c";
    /** The conference every page lists: a listing follows a next page on its own path only. */
    public static final String CONFERENCE = "CF0123456789abcdef0123456789abcdef";
    private static final String[] STATUSES = {"queued", "connecting", "ringing", "connected", "complete", "failed"};
    private static final String[] ROLES = {"agent", "customer", "supervisor", "caller", "moderator"};
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private PageData() {
    }

    /**
     * A whole page response body: {@code participants} and the paging fields, as UTF-8.
     *
     * @param size participants on the page
     * @param seed the seed; the same seed gives the same bytes
     */
    public static byte[] page(int size, long seed) {
        Random random = new Random(seed);
        sid("CF", random); // drawn still, so that a seed gives the same participants as before
        String conference = CONFERENCE;
        String listUri = "/2010-04-01/Accounts/" + ACCOUNT + "/Conferences/" + conference + "/Participants.json";
        StringBuilder json = new StringBuilder(size * 700 + 600).append("{\"participants\": [");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                json.append(", ");
            }
            participant(json, conference, random);
        }
        json.append("], \"end\": ").append(size - 1)
                .append(", \"first_page_uri\": \"").append(listUri).append("?PageSize=").append(size).append("&Page=0\"")
                .append(", \"next_page_uri\": \"").append(listUri).append("?PageSize=").append(size)
                .append("&Page=1&PageToken=PA").append(sid("CA", random)).append('"')
                .append(", \"page\": 0, \"page_size\": ").append(size)
                .append(", \"previous_page_uri\": null, \"start\": 0")
                .append(", \"uri\": \"").append(listUri).append("?PageSize=").append(size).append("&Page=0\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One participant as Twilio answers a create or a fetch, as UTF-8; the same seed gives the same bytes.
     *
     * @param seed the seed
     */
    public static byte[] participant(long seed) {
        StringBuilder json = new StringBuilder(700);
        participant(json, CONFERENCE, new Random(seed));
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void participant(StringBuilder json, String conference, Random random) {
        String call = sid("CA", random);
        Instant created = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(30_000_000));
        Instant updated = created.plusSeconds(random.nextInt(7_200));
        boolean coaching = random.nextInt(10) == 0;
        json.append("{\"account_sid\": \"").append(ACCOUNT)
                .append("\", \"call_sid\": \"").append(call).append('"');
        json.append(", \"label\": ");
        if (random.nextInt(5) == 0) {
            json.append("null");
        } else {
            json.append('"').append(ROLES[random.nextInt(ROLES.length)]).append('-').append(random.nextInt(10_000))
                    .append('"');
        }
        json.append(", \"call_sid_to_coach\": ").append(coaching ? '"' + sid("CA", random) + '"' : "null")
                .append(", \"coaching\": ").append(coaching)
                .append(", \"conference_sid\": \"").append(conference).append('"')
                .append(", \"date_created\": \"").append(RFC_2822.format(created)).append('"')
                .append(", \"date_updated\": \"").append(RFC_2822.format(updated)).append('"')
                .append(", \"end_conference_on_exit\": ").append(random.nextInt(8) == 0)
                .append(", \"muted\": ").append(random.nextBoolean())
                .append(", \"hold\": ").append(random.nextInt(6) == 0)
                .append(", \"start_conference_on_enter\": ").append(random.nextInt(3) > 0)
                .append(", \"status\": \"").append(STATUSES[random.nextInt(STATUSES.length)]).append('"')
                .append(", \"queue_time\": \"").append(random.nextInt(5_000)).append('"')
                .append(", \"uri\": \"/2010-04-01/Accounts/").append(ACCOUNT).append("/Conferences/").append(conference)
                .append("/Participants/").append(call).append(".json\"}");
    }

    private static String sid(String prefix, Random random) {
        StringBuilder sid = new StringBuilder(34).append(prefix);
        for (int i = 0; i < 32; i++) {
            sid.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sid.toString();
    }
}
