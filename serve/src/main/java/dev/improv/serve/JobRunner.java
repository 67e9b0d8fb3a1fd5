package dev.improv.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.serve.batch.CountingDecoderSource;
import dev.improv.serve.content.BadRequest;
import dev.improv.serve.content.ChatAnswers;
import dev.improv.serve.content.ChatJob;
import dev.improv.serve.content.DialogueJob;
import dev.improv.serve.content.Json;
import dev.improv.serve.content.BarStreamJob;
import dev.improv.serve.content.LevelJob;
import dev.improv.serve.content.LevelStreamJob;
import dev.improv.serve.content.MusicJob;
import dev.improv.serve.content.Workshop;

/**
 * Runs one job given as its kind and JSON (the form a job has on the wire and in the NATS queue)
 * and answers in JSON. Jobs are checked again here, so a worker trusts nothing it takes from a queue.
 */
public final class JobRunner {
    public static final String LEVELS = "levels";
    public static final String DIALOGUE = "dialogue";
    public static final String MUSIC = "music";
    public static final String CHAT = "chat";
    /** The next chunk of a remote level engine's stream. */
    public static final String LEVEL_STREAM = "level_stream";
    /** The next bar of a remote music engine's stream. */
    public static final String BAR_STREAM = "bar_stream";

    private final ObjectMapper json = Json.strictMapper();
    private final Workshop workshop;

    public JobRunner(Workshop workshop) {
        this.workshop = workshop;
    }

    /** Parses and checks a job body (a {@link BadRequest} names the field at fault); returns it as JSON. */
    public JsonNode check(String kind, String body) {
        Object job = switch (kind) {
            case LEVELS -> Json.read(json, body, LevelJob.class, "").checked();
            case DIALOGUE -> Json.read(json, body, DialogueJob.class, "").checked();
            case MUSIC -> Json.read(json, body, MusicJob.class, "").checked();
            case LEVEL_STREAM -> Json.read(json, body, LevelStreamJob.class, "").checked();
            case BAR_STREAM -> Json.read(json, body, BarStreamJob.class, "").checked();
            case CHAT -> {
                ChatJob chat = Json.read(json, body, ChatJob.class, "");
                chat.toDialogue(json);
                yield chat;
            }
            default -> throw new IllegalArgumentException("unknown job kind " + kind);
        };
        return json.valueToTree(job);
    }

    /**
     * Runs a job; chat jobs answer like dialogue ones ({@code replies}), each cut at its first stop string; both with
     * their {@code usage} (done here, on the worker whose decoders ran it, so that an answer from another node's worker
     * is whole).
     */
    public ObjectNode run(String kind, JsonNode job) {
        try {
            return switch (kind) {
                case LEVELS -> workshop.level(json.treeToValue(job, LevelJob.class).checked());
                case DIALOGUE -> {
                    DialogueJob dialogue = json.treeToValue(job, DialogueJob.class).checked();
                    CountingDecoderSource.Usage before = CountingDecoderSource.usageOnThisThread();
                    yield withUsage(workshop.dialogue(dialogue), before);
                }
                case MUSIC -> workshop.music(json.treeToValue(job, MusicJob.class).checked());
                case LEVEL_STREAM -> workshop.levelStream(json.treeToValue(job, LevelStreamJob.class).checked());
                case BAR_STREAM -> workshop.barStream(json.treeToValue(job, BarStreamJob.class).checked());
                case CHAT -> {
                    ChatJob chat = json.treeToValue(job, ChatJob.class);
                    DialogueJob dialogue = chat.toDialogue(json);
                    CountingDecoderSource.Usage before = CountingDecoderSource.usageOnThisThread();
                    yield ChatAnswers.finish(chat, withUsage(workshop.dialogue(dialogue), before));
                }
                default -> throw new IllegalArgumentException("unknown job kind " + kind);
            };
        } catch (JsonProcessingException e) {
            throw new BadRequest(kind, "cannot read the job: " + e.getOriginalMessage());
        }
    }

    /**
     * {@code answer} with OpenAI's {@code usage}: the tokens this thread's decoders ran since {@code before}, as the
     * model was fed them ({@link CountingDecoderSource.Usage}). Until session 24 a chat's {@code prompt_tokens} counted
     * the messages' texts alone, not the persona, facts, retrieved lines and format tokens the model was given, and its
     * {@code completion_tokens} the replies as sent, not the redraws the engine made and threw away.
     */
    private static ObjectNode withUsage(ObjectNode answer, CountingDecoderSource.Usage before) {
        CountingDecoderSource.Usage used = CountingDecoderSource.usageOnThisThread().minus(before);
        ObjectNode usage = answer.putObject("usage");
        usage.put("prompt_tokens", used.prompt());
        usage.put("completion_tokens", used.generated());
        usage.put("total_tokens", used.prompt() + used.generated());
        usage.putObject("prompt_tokens_details").put("cached_tokens", used.cached());
        return answer;
    }
}
