package dev.conclave.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The Participant API's behaviour, independent of HTTP plumbing: authentication, routing, validation, state,
 * paging and Twilio's errors. Thread-safe.
 */
public final class ParticipantApi {
    private static final String PREFIX = "/2010-04-01/Accounts/";
    private static final Pattern CONFERENCE_SID = Pattern.compile("^CF[0-9a-fA-F]{32}$");
    private static final int INVALID_PARAMETER = 20001;

    private final Map<String, String> accountTokens;
    private final Map<String, String[]> apiKeys;
    private final boolean strict;
    private final boolean statusProgression;
    private final Clock clock;
    private final Map<String, Conference> conferences = new ConcurrentHashMap<>();
    private final Map<String, Conference> byFriendlyName = new ConcurrentHashMap<>();
    private final AtomicLong sidCounter = new AtomicLong();
    private final long sidSalt;
    private final StatusEvents events;
    private final ConferenceRoutes conferenceRoutes = new ConferenceRoutes(this);

    /**
     * Creates the API state.
     *
     * @param accountTokens account SID to auth token
     * @param apiKeys API key SID to {account SID, secret}
     * @param strict whether unknown parameter names are refused
     * @param statusProgression whether calls move queued, connecting, ringing, connected as they are shown
     * @param clock the clock for dates
     * @param callbacks sends status callbacks: account SID, URL, method ({@code null} for POST), parameters
     */
    public ParticipantApi(Map<String, String> accountTokens, Map<String, String[]> apiKeys, boolean strict,
                          boolean statusProgression, Clock clock, CallbackSink callbacks) {
        this.accountTokens = Map.copyOf(accountTokens);
        this.apiKeys = Map.copyOf(apiKeys);
        this.strict = strict;
        this.statusProgression = statusProgression;
        this.clock = clock;
        this.sidSalt = new java.security.SecureRandom().nextLong();
        this.events = new StatusEvents(callbacks, clock);
    }

    /** Where the API's status callbacks go. */
    @FunctionalInterface
    public interface CallbackSink {
        /** Sends one callback for {@code accountSid} to {@code url} with {@code method} (null: POST). */
        void send(String accountSid, String url, String method, List<Map.Entry<String, String>> parameters);
    }

    /** A new SID: the prefix and 32 hex digits, unique within this emulator. */
    public String newSid(String prefix) {
        return String.format("%s%016x%016x", prefix, sidSalt, sidCounter.incrementAndGet());
    }

    /** Creates a conference (as a create by friendly name would). */
    public String createConference(String accountSid, String friendlyName) {
        return conferenceByName(accountSid, friendlyName).sid;
    }

    private Conference conferenceByName(String accountSid, String friendlyName) {
        return byFriendlyName.computeIfAbsent(accountSid + '\n' + friendlyName, key -> {
            Conference conference = new Conference(newSid("CF"), accountSid, friendlyName,
                    sidCounter.incrementAndGet(), clock.instant());
            conferences.put(conference.sid, conference);
            return conference;
        });
    }

    /** The SID of the conference with this friendly name in this account. */
    public Optional<String> conferenceSid(String accountSid, String friendlyName) {
        return Optional.ofNullable(byFriendlyName.get(accountSid + '\n' + friendlyName)).map(c -> c.sid);
    }

    /** Adds {@code count} connected participants without HTTP; see ParticipantEmulator#seedParticipants. */
    public List<String> seed(String conferenceSid, int count) {
        Conference conference = requireConference(conferenceSid);
        List<String> sids = new ArrayList<>(count);
        Instant now = clock.instant();
        synchronized (conference) {
            int base = conference.size();
            for (int i = 0; i < count; i++) {
                ParticipantRecord p = conference.add(newSid("CA"), String.format("seed-%05d", base + i), now);
                p.muted = i % 3 == 0;
                p.hold = i % 5 == 0;
                p.statusStep = ParticipantRecord.PROGRESSION.length - 1;
                sids.add(p.callSid);
            }
        }
        return sids;
    }

    /** How many participants the conference has. */
    public int participantCount(String conferenceSid) {
        return requireConference(conferenceSid).size();
    }

    private Conference requireConference(String conferenceSid) {
        Conference conference = conferences.get(conferenceSid);
        if (conference == null) {
            throw new IllegalArgumentException("no conference " + conferenceSid + " in this emulator");
        }
        return conference;
    }

    /**
     * Answers one request.
     *
     * @param method the HTTP method
     * @param rawPath the path as received
     * @param rawQuery the query as received, or {@code null}
     * @param authorization the Authorization header, or {@code null}
     * @param body the body bytes
     */
    public Reply handle(String method, String rawPath, String rawQuery, String authorization, byte[] body) {
        if (!rawPath.startsWith(PREFIX)) {
            return notFound(rawPath);
        }
        String[] segments = rawPath.substring(PREFIX.length()).split("/", -1);
        if (ConferenceRoutes.matches(segments)) {
            if (!authenticated(segments[0], authorization)) {
                return unauthenticated();
            }
            try {
                return conferenceRoutes.handle(method, rawPath, rawQuery, segments,
                        new String(body, StandardCharsets.UTF_8));
            } catch (InvalidParameter invalid) {
                return Reply.error(400, INVALID_PARAMETER, invalid.getMessage());
            } catch (IllegalArgumentException badEncoding) {
                return Reply.error(400, INVALID_PARAMETER, badEncoding.getMessage());
            }
        }
        boolean list = segments.length == 4 && segments[1].equals("Conferences")
                && segments[3].equals("Participants.json");
        boolean item = segments.length == 5 && segments[1].equals("Conferences")
                && segments[3].equals("Participants") && segments[4].endsWith(".json") && segments[4].length() > 5;
        if (!list && !item) {
            return notFound(rawPath);
        }
        String accountSid = segments[0];
        if (!authenticated(accountSid, authorization)) {
            return unauthenticated();
        }
        String conferenceSegment;
        String participantKey = null;
        try {
            conferenceSegment = Forms.decodeSegment(segments[2]);
            if (item) {
                participantKey = Forms.decodeSegment(segments[4].substring(0, segments[4].length() - 5));
            }
        } catch (IllegalArgumentException badEncoding) {
            return Reply.error(400, INVALID_PARAMETER, badEncoding.getMessage());
        }
        try {
            return route(method, rawPath, rawQuery, list, accountSid, conferenceSegment, participantKey,
                    new String(body, StandardCharsets.UTF_8));
        } catch (InvalidParameter invalid) {
            return Reply.error(400, INVALID_PARAMETER, invalid.getMessage());
        }
    }

    private Reply route(String method, String rawPath, String rawQuery, boolean list, String accountSid,
                        String conferenceSegment, String participantKey, String text) {
        boolean item = !list;
        if (list && method.equals("POST")) {
            return create(accountSid, conferenceSegment, Forms.parse(text));
        }
        if (list && method.equals("GET")) {
            return list(accountSid, conferenceSegment, rawPath, Forms.parse(rawQuery));
        }
        if (item && (method.equals("GET") || method.equals("POST") || method.equals("DELETE"))) {
            Conference conference = conferences.get(conferenceSegment);
            if (conference == null || !conference.accountSid.equals(accountSid)) {
                return notFound(rawPath);
            }
            synchronized (conference) {
                ParticipantRecord p = conference.find(participantKey);
                if (p == null) {
                    return notFound(rawPath);
                }
                switch (method) {
                    case "GET":
                        show(conference, p);
                        return Reply.json(200, Json.participant(conference, p, null));
                    case "DELETE":
                        conference.remove(p);
                        if (events.removed(conference, p)) {
                            // An ended conference is over; its friendly name names a new one next time.
                            byFriendlyName.remove(accountSid + '\n' + conference.friendlyName, conference);
                        }
                        return Reply.empty(204);
                    default:
                        return update(conference, p, Forms.parse(text));
                }
            }
        }
        return Reply.error(405, 20004, "Method not allowed: " + method + " " + rawPath);
    }

    private static Reply unauthenticated() {
        return new Reply(401, List.of(Map.entry("WWW-Authenticate", "Basic realm=\"Twilio API\"")),
                Json.error(401, 20003, "Authenticate"));
    }

    /** The conferences of an account, in creation order. */
    List<Conference> conferences(String accountSid) {
        return conferences.values().stream().filter(c -> c.accountSid.equals(accountSid))
                .sorted(java.util.Comparator.comparingLong(c -> c.sequence)).toList();
    }

    /** The conference of this SID in this account, or null. */
    Conference conference(String accountSid, String sid) {
        Conference conference = conferences.get(sid);
        return conference == null || !conference.accountSid.equals(accountSid) ? null : conference;
    }

    /** Ends a conference by the API (an update to completed); its friendly name then names a new one. */
    void endByUpdate(Conference conference) {
        events.end(conference, "conference-ended-via-api", null);
        byFriendlyName.remove(conference.accountSid + '\n' + conference.friendlyName, conference);
    }

    StatusEvents events() {
        return events;
    }

    Clock clock() {
        return clock;
    }

    long nextSequence() {
        return sidCounter.incrementAndGet();
    }

    static Reply notFound(String rawPath) {
        return Reply.error(404, 20404, "The requested resource " + rawPath + " was not found");
    }

    private boolean authenticated(String accountSid, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String user = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        if (user.equals(accountSid)) {
            return secret.equals(accountTokens.get(accountSid));
        }
        String[] key = apiKeys.get(user);
        return key != null && key[0].equals(accountSid) && key[1].equals(secret);
    }

    /** A request parameter the spec does not allow; answered with 400 and code 20001. */
    static final class InvalidParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidParameter(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Checks names and values against the rules.
     *
     * @return the values by name, in wire order
     * @throws InvalidParameter naming the first parameter that breaks a rule
     */
    Map<String, List<String>> validate(List<Map.Entry<String, String>> pairs, Map<String, Rule> rules) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs) {
            String name = pair.getKey();
            Rule rule = rules.get(name);
            if (rule == null) {
                if (strict) {
                    throw new InvalidParameter("Unknown parameter '" + name + "'; accepted parameters: "
                            + String.join(", ", rules.keySet()));
                }
                continue;
            }
            List<String> items = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!items.isEmpty() && !rule.repeatable()) {
                throw new InvalidParameter(name + " may be given only once");
            }
            List<String> given = rule.repeatable() && pair.getValue().indexOf(' ') >= 0
                    ? List.of(pair.getValue().trim().split(" +")) : List.of(pair.getValue());
            for (String value : given) {
                String error = rule.check(name, value);
                if (error != null) {
                    throw new InvalidParameter(error);
                }
                items.add(value);
            }
        }
        return values;
    }

    static String first(Map<String, List<String>> values, String name) {
        List<String> items = values.get(name);
        return items == null ? null : items.get(0);
    }

    private Reply create(String accountSid, String conferenceSegment, List<Map.Entry<String, String>> pairs) {
        Map<String, List<String>> values = validate(pairs, ParameterRules.CREATE_PARTICIPANT);
        String to = first(values, "To");
        String from = first(values, "From");
        if (to == null || to.isEmpty()) {
            return Reply.error(400, 21201, "No 'To' number is specified");
        }
        if (from == null || from.isEmpty()) {
            return Reply.error(400, 21213, "No 'From' number is specified");
        }
        String coaching = first(values, "Coaching");
        String coached = first(values, "CallSidToCoach");
        if ("true".equals(coaching) && coached == null) {
            throw new InvalidParameter("Coaching is true, so CallSidToCoach is required");
        }
        Conference conference;
        if (CONFERENCE_SID.matcher(conferenceSegment).matches()) {
            conference = conferences.get(conferenceSegment);
            if (conference == null || !conference.accountSid.equals(accountSid)) {
                return notFound("/2010-04-01/Accounts/" + accountSid + "/Conferences/" + conferenceSegment);
            }
        } else {
            conference = conferenceByName(accountSid, conferenceSegment);
        }
        String label = first(values, "Label");
        synchronized (conference) {
            if (conference.labelTaken(label)) {
                return Reply.error(400, INVALID_PARAMETER, "Label '" + label
                        + "' is already used by a participant of this conference");
            }
            ParticipantRecord p = conference.add(newSid("CA"), label, clock.instant());
            p.muted = "true".equals(first(values, "Muted"));
            p.coaching = coaching == null ? coached != null : coaching.equals("true");
            p.callSidToCoach = coached;
            p.endConferenceOnExit = "true".equals(first(values, "EndConferenceOnExit"));
            p.startConferenceOnEnter = !"false".equals(first(values, "StartConferenceOnEnter"));
            p.failed = to.equals("+15005550001");
            p.from = from;
            p.to = to;
            events.configure(conference, p, values);
            String record = first(values, "ConferenceRecord");
            if (("true".equals(record) || "record-from-start".equals(record)) && conference.activeRecording() == null) {
                RecordingRecord recording = new RecordingRecord(newSid("RE"), p.callSid, nextSequence(),
                        clock.instant());
                conference.recordings.put(recording.sid, recording);
            }
            events.created(conference, p);
            if (!statusProgression) {
                // Straight to connected, but through ringing, as a real call (and its callbacks) goes.
                for (int step = 1; step < ParticipantRecord.PROGRESSION.length; step++) {
                    String before = p.status();
                    p.statusStep = step;
                    events.statusChanged(conference, p, before);
                }
            }
            return Reply.json(201, Json.participant(conference, p, "1000"));
        }
    }

    private Reply update(Conference conference, ParticipantRecord p, List<Map.Entry<String, String>> pairs) {
        Map<String, List<String>> values = validate(pairs, ParameterRules.UPDATE_PARTICIPANT);
        String coaching = first(values, "Coaching");
        String coached = first(values, "CallSidToCoach");
        if ("true".equals(coaching) && coached == null && p.callSidToCoach == null) {
            throw new InvalidParameter("Coaching is true, so CallSidToCoach is required");
        }
        boolean wasMuted = p.muted;
        boolean wasHold = p.hold;
        String wasCoached = p.callSidToCoach;
        boolean wasCoaching = p.coaching;
        boolean wasEnding = p.endConferenceOnExit;
        if (values.containsKey("Muted")) {
            p.muted = first(values, "Muted").equals("true");
        }
        if (values.containsKey("Hold")) {
            p.hold = first(values, "Hold").equals("true");
        }
        if (values.containsKey("EndConferenceOnExit")) {
            p.endConferenceOnExit = first(values, "EndConferenceOnExit").equals("true");
        }
        if (coached != null) {
            p.callSidToCoach = coached;
            p.coaching = true;
        }
        if (coaching != null) {
            p.coaching = coaching.equals("true");
            if (!p.coaching) {
                p.callSidToCoach = null;
            }
        }
        p.dateUpdated = clock.instant();
        boolean modified = p.coaching != wasCoaching || p.endConferenceOnExit != wasEnding
                || !java.util.Objects.equals(p.callSidToCoach, wasCoached);
        events.updated(conference, p, wasMuted, wasHold, modified, values.containsKey("AnnounceUrl"));
        show(conference, p);
        return Reply.json(200, Json.participant(conference, p, null));
    }

    /** Each time a participant is shown after its create its call moves one step on, with its callbacks. */
    private void show(Conference conference, ParticipantRecord p) {
        if (statusProgression) {
            String before = p.status();
            p.advance();
            events.statusChanged(conference, p, before);
        }
    }

    /**
     * The index of the first participant whose sequence number is greater than {@code sequence}: the list is in
     * creation order, so sequence numbers increase along it and a binary search finds the page's start.
     */
    private static int firstAfter(List<ParticipantRecord> ordered, long sequence) {
        int low = 0;
        int high = ordered.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ordered.get(middle).sequence <= sequence) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private Reply list(String accountSid, String conferenceSid, String rawPath,
                       List<Map.Entry<String, String>> query) {
        Map<String, List<String>> values = validate(query, ParameterRules.LIST_PARTICIPANT);
        Conference conference = conferences.get(conferenceSid);
        if (conference == null || !conference.accountSid.equals(accountSid)) {
            return notFound(rawPath);
        }
        int pageSize = values.containsKey("PageSize") ? Integer.parseInt(first(values, "PageSize")) : 50;
        int page = values.containsKey("Page") ? Integer.parseInt(first(values, "Page")) : 0;
        String token = first(values, "PageToken");
        long after = -1;
        long before = -1;
        if (token != null) {
            try {
                if (token.startsWith("PA")) {
                    after = Long.parseLong(token.substring(2));
                } else if (token.startsWith("PB")) {
                    before = Long.parseLong(token.substring(2));
                } else {
                    throw new NumberFormatException(token);
                }
            } catch (NumberFormatException notOurs) {
                return Reply.error(400, INVALID_PARAMETER, "PageToken '" + token + "' was not issued by this API");
            }
        }
        StringBuilder filters = new StringBuilder();
        Predicate<ParticipantRecord> match = p -> true;
        for (String name : List.of("Muted", "Hold", "Coaching")) {
            String wanted = first(values, name);
            if (wanted != null) {
                boolean flag = wanted.equals("true");
                filters.append(name).append('=').append(wanted).append('&');
                Predicate<ParticipantRecord> field = name.equals("Muted") ? p -> p.muted == flag
                        : name.equals("Hold") ? p -> p.hold == flag : p -> p.coaching == flag;
                match = match.and(field);
            }
        }
        String base = rawPath + "?" + filters + "PageSize=" + pageSize;
        synchronized (conference) {
            List<ParticipantRecord> matching;
            if (filters.length() == 0) {
                matching = conference.inOrder();
            } else {
                matching = new ArrayList<>();
                for (ParticipantRecord p : conference.inOrder()) {
                    if (match.test(p)) {
                        matching.add(p);
                    }
                }
            }
            int from;
            if (after >= 0) {
                from = firstAfter(matching, after);
            } else if (before >= 0) {
                int end = firstAfter(matching, before - 1);
                from = Math.max(0, end - pageSize);
            } else {
                from = (int) Math.min((long) page * pageSize, matching.size());
            }
            int to = Math.min(matching.size(), from + pageSize);
            if (before >= 0) {
                to = firstAfter(matching, before - 1);
            }
            List<ParticipantRecord> shown = new ArrayList<>(matching.subList(from, to));
            shown.forEach(p -> show(conference, p));
            String next = to < matching.size() && !shown.isEmpty()
                    ? base + "&Page=" + (page + 1) + "&PageToken=PA" + shown.get(shown.size() - 1).sequence : null;
            String previous = page > 0 && from > 0 && !shown.isEmpty()
                    ? base + "&Page=" + (page - 1) + "&PageToken=PB" + shown.get(0).sequence : null;
            String uri = base + "&Page=" + page + (token == null ? "" : "&PageToken=" + Forms.encode(token));
            int start = page * pageSize;
            Json.PageFields fields = new Json.PageFields(page, pageSize, start,
                    shown.isEmpty() ? start : start + shown.size() - 1, uri, base + "&Page=0", next, previous);
            return Reply.json(200, Json.page(conference, shown, fields));
        }
    }
}
