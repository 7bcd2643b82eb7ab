package dev.conclave.emulator.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The Conference and Conference Recording resources, over the participants' state: list (with Twilio's filters
 * and page tokens), fetch, update (end a conference, announce to it; pause, resume, stop a recording) and
 * delete a recording. Parameters are checked against the generated rules as for participants.
 */
final class ConferenceRoutes {
    private static final int INVALID_PARAMETER = 20001;
    /** Twilio's error for a recording update that its state does not allow. */
    private static final int RECORDING_STATE = 21220;

    private final ParticipantApi api;

    ConferenceRoutes(ParticipantApi api) {
        this.api = api;
    }

    /** Whether the path (after {@code /2010-04-01/Accounts/}) is one of these resources'. */
    static boolean matches(String[] segments) {
        return (segments.length == 2 && segments[1].equals("Conferences.json"))
                || (segments.length == 3 && segments[1].equals("Conferences") && isJson(segments[2]))
                || (segments.length == 4 && segments[1].equals("Conferences") && segments[3].equals("Recordings.json"))
                || (segments.length == 5 && segments[1].equals("Conferences") && segments[3].equals("Recordings")
                && isJson(segments[4]));
    }

    private static boolean isJson(String segment) {
        return segment.endsWith(".json") && segment.length() > 5;
    }

    private static String key(String segment) {
        return Forms.decodeSegment(segment.substring(0, segment.length() - 5));
    }

    Reply handle(String method, String rawPath, String rawQuery, String[] segments, String body) {
        String accountSid = segments[0];
        if (segments.length == 2) {
            return method.equals("GET") ? listConferences(accountSid, rawPath, Forms.parse(rawQuery))
                    : notAllowed(method, rawPath);
        }
        Conference conference = api.conference(accountSid,
                segments.length == 3 ? key(segments[2]) : Forms.decodeSegment(segments[2]));
        if (conference == null) {
            return ParticipantApi.notFound(rawPath);
        }
        synchronized (conference) {
            if (segments.length == 3) {
                return switch (method) {
                    case "GET" -> conferenceReply(conference);
                    case "POST" -> updateConference(conference, Forms.parse(body));
                    default -> notAllowed(method, rawPath);
                };
            }
            if (segments.length == 4) {
                return method.equals("GET") ? listRecordings(conference, rawPath, Forms.parse(rawQuery))
                        : notAllowed(method, rawPath);
            }
            String recordingKey = key(segments[4]);
            RecordingRecord recording = recordingKey.equals("Twilio.CURRENT") && method.equals("POST")
                    ? conference.activeRecording() : conference.recordings.get(recordingKey);
            if (recording == null) {
                return ParticipantApi.notFound(rawPath);
            }
            return switch (method) {
                case "GET" -> recordingReply(200, conference, recording);
                case "POST" -> updateRecording(conference, recording, Forms.parse(body));
                case "DELETE" -> {
                    conference.recordings.remove(recording.sid);
                    yield Reply.empty(204);
                }
                default -> notAllowed(method, rawPath);
            };
        }
    }

    private static Reply notAllowed(String method, String rawPath) {
        return Reply.error(405, 20004, "Method not allowed: " + method + " " + rawPath);
    }

    private static Reply conferenceReply(Conference conference) {
        return Reply.json(200, Json.write(700, json -> Json.conference(json, conference)));
    }

    private static Reply recordingReply(int status, Conference conference, RecordingRecord recording) {
        return Reply.json(status, Json.write(700, json -> Json.recording(json, conference, recording)));
    }

    /** Status=completed ends the conference for everyone; AnnounceUrl plays to all who are in it. */
    private Reply updateConference(Conference conference, List<Map.Entry<String, String>> pairs) {
        Map<String, List<String>> values = api.validate(pairs, ParameterRules.UPDATE_CONFERENCE);
        if ("completed".equals(ParticipantApi.first(values, "Status")) && !conference.ended) {
            api.endByUpdate(conference);
        }
        if (values.containsKey("AnnounceUrl")) {
            if (conference.ended) {
                return Reply.error(400, INVALID_PARAMETER, "Conference " + conference.sid + " is not in progress");
            }
            api.events().announced(conference);
            conference.dateUpdated = api.clock().instant();
        }
        return conferenceReply(conference);
    }

    /**
     * in-progress and paused move between each other; stopped ends it (then it is processed into completed), and a
     * second stop answers the recording as it is.
     */
    private Reply updateRecording(Conference conference, RecordingRecord recording,
                                  List<Map.Entry<String, String>> pairs) {
        Map<String, List<String>> values = api.validate(pairs, ParameterRules.UPDATE_CONFERENCE_RECORDING);
        String status = ParticipantApi.first(values, "Status");
        if (status == null) {
            return Reply.error(400, INVALID_PARAMETER, "Status is required");
        }
        if (!recording.active() && status.equals("stopped")) {
            // Stopping what has stopped changes nothing: a stop re-sent after a lost answer succeeds.
            return recordingReply(200, conference, recording);
        }
        if (!recording.active()) {
            return Reply.error(400, RECORDING_STATE, "Recording " + recording.sid + " is " + recording.status
                    + " and can no longer be changed");
        }
        Instant now = api.clock().instant();
        if (status.equals("stopped")) {
            recording.complete(now);
            recording.status = "stopped";
            Reply reply = recordingReply(200, conference, recording);
            recording.status = "completed";
            return reply;
        }
        recording.status = status;
        recording.dateUpdated = now;
        return recordingReply(200, conference, recording);
    }

    private Reply listConferences(String accountSid, String rawPath, List<Map.Entry<String, String>> query) {
        Map<String, List<String>> values = api.validate(query, ParameterRules.LIST_CONFERENCE);
        Predicate<Conference> match = ConferenceRoutes.<Conference>days(values, "DateCreated", c -> c.dateCreated)
                .and(days(values, "DateUpdated", c -> c.dateUpdated));
        String name = ParticipantApi.first(values, "FriendlyName");
        if (name != null) {
            match = match.and(c -> c.friendlyName.equals(name));
        }
        String status = ParticipantApi.first(values, "Status");
        if (status != null) {
            match = match.and(c -> c.status().equals(status));
        }
        List<Conference> matching = new ArrayList<>();
        for (Conference conference : api.conferences(accountSid)) {
            synchronized (conference) {
                if (match.test(conference)) {
                    matching.add(conference);
                }
            }
        }
        return page(rawPath, query, values, matching, c -> c.sequence, "conferences", (json, c) -> {
            synchronized (c) {
                Json.conference(json, c);
            }
        });
    }

    private Reply listRecordings(Conference conference, String rawPath, List<Map.Entry<String, String>> query) {
        Map<String, List<String>> values = api.validate(query, ParameterRules.LIST_CONFERENCE_RECORDING);
        Predicate<RecordingRecord> match = ConferenceRoutes.<RecordingRecord>days(values, "DateCreated",
                r -> r.dateCreated);
        List<RecordingRecord> matching = conference.recordings.values().stream().filter(match).toList();
        return page(rawPath, query, values, matching, r -> r.sequence, "recordings",
                (json, r) -> Json.recording(json, conference, r));
    }

    /**
     * The date filters of one field: {@code Name=day} for that UTC day, {@code Name<=day} on or before it and
     * {@code Name>=day} on or after it (the bounds arrive as the parameters {@code Name<} and {@code Name>}).
     */
    private static <T> Predicate<T> days(Map<String, List<String>> values, String name, Function<T, Instant> date) {
        Predicate<T> match = t -> true;
        String exact = ParticipantApi.first(values, name);
        String onOrBefore = ParticipantApi.first(values, name + "<");
        String onOrAfter = ParticipantApi.first(values, name + ">");
        if (exact != null) {
            LocalDate day = LocalDate.parse(exact);
            match = match.and(t -> day(date.apply(t)).equals(day));
        }
        if (onOrBefore != null) {
            LocalDate day = LocalDate.parse(onOrBefore);
            match = match.and(t -> !day(date.apply(t)).isAfter(day));
        }
        if (onOrAfter != null) {
            LocalDate day = LocalDate.parse(onOrAfter);
            match = match.and(t -> !day(date.apply(t)).isBefore(day));
        }
        return match;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * One page of {@code matching} (in creation order), as the participants' listing pages: {@code PageToken}
     * {@code PA<n>} starts after the item of sequence n, {@code PB<n>} ends before it; the page URIs repeat the
     * request's filters.
     */
    private static <T> Reply page(String rawPath, List<Map.Entry<String, String>> query,
                                  Map<String, List<String>> values, List<T> matching, ToLongFunction<T> sequence,
                                  String itemsField, Json.Item<T> item) {
        int pageSize = values.containsKey("PageSize") ? Integer.parseInt(ParticipantApi.first(values, "PageSize")) : 50;
        int page = values.containsKey("Page") ? Integer.parseInt(ParticipantApi.first(values, "Page")) : 0;
        String token = ParticipantApi.first(values, "PageToken");
        int from;
        int to;
        try {
            if (token == null) {
                from = (int) Math.min((long) page * pageSize, matching.size());
                to = Math.min(matching.size(), from + pageSize);
            } else if (token.startsWith("PA")) {
                long after = Long.parseLong(token.substring(2));
                from = (int) matching.stream().filter(t -> sequence.applyAsLong(t) <= after).count();
                to = Math.min(matching.size(), from + pageSize);
            } else if (token.startsWith("PB")) {
                long before = Long.parseLong(token.substring(2));
                to = (int) matching.stream().filter(t -> sequence.applyAsLong(t) < before).count();
                from = Math.max(0, to - pageSize);
            } else {
                throw new NumberFormatException(token);
            }
        } catch (NumberFormatException notOurs) {
            return Reply.error(400, INVALID_PARAMETER, "PageToken '" + token + "' was not issued by this API");
        }
        StringBuilder filters = new StringBuilder();
        for (Map.Entry<String, String> pair : query) {
            if (!List.of("PageSize", "Page", "PageToken").contains(pair.getKey())) {
                filters.append(Forms.encode(pair.getKey())).append('=').append(Forms.encode(pair.getValue()))
                        .append('&');
            }
        }
        String base = rawPath + "?" + filters + "PageSize=" + pageSize;
        List<T> shown = matching.subList(from, to);
        String next = to < matching.size() && !shown.isEmpty()
                ? base + "&Page=" + (page + 1) + "&PageToken=PA" + sequence.applyAsLong(shown.get(shown.size() - 1))
                : null;
        String previous = page > 0 && from > 0 && !shown.isEmpty()
                ? base + "&Page=" + (page - 1) + "&PageToken=PB" + sequence.applyAsLong(shown.get(0)) : null;
        String uri = base + "&Page=" + page + (token == null ? "" : "&PageToken=" + Forms.encode(token));
        int start = page * pageSize;
        Json.PageFields fields = new Json.PageFields(page, pageSize, start,
                shown.isEmpty() ? start : start + shown.size() - 1, uri, base + "&Page=0", next, previous);
        return Reply.json(200, Json.page(itemsField, shown, fields, item));
    }
}
