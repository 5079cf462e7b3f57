package no.ks.barometer.bench.respondent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.functions.savepage.SavePageHandler;
import no.ks.barometer.response.LastWrite;
import no.ks.barometer.response.PageWrite;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.response.WriteOutcome;
import no.ks.barometer.store.DynamoDbClients;
import no.ks.barometer.store.ResponseDao;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm page saves through the handler against raw PutItems of the same item (under another key, so that the
 * saves' versions stay theirs), interleaved in rounds so that drift in DynamoDB Local hits both alike. Prints
 * median, 90th percentile and mean of each, in microseconds.
 *
 * <p>Arguments: {@code <orgNumber> <token> <warm-up count> <rounds> <per round>}.
 */
public final class WarmSave {

    private WarmSave() {
    }

    public static void main(String[] args) {
        String org = args[0];
        String token = args[1];
        int warmUp = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int perRound = Integer.parseInt(args[4]);
        String table = DynamoDbClients.tableName(System.getenv());
        DynamoDbClient client = DynamoDbClients.fromEnvironment();
        SavePageHandler handler = new SavePageHandler(client, table, java.time.Clock.systemUTC());

        long[] version = {0};
        Runnable save = () -> {
            int status = handler.handleRequest(
                    Events.savePage(token, "q0", version[0], "{\"Q0\":{\"choice\":1}}"), null).getStatusCode();
            if (status != 200) {
                throw new IllegalStateException("save answered " + status);
            }
            version[0]++;
        };
        save.run();
        Map<String, AttributeValue> item = new HashMap<>(client.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("SURVEY#" + Seed.SURVEY),
                        "sk", AttributeValue.fromS("ORG#" + org))).consistentRead(true).build()).item());
        item.put("sk", AttributeValue.fromS("ORG#raw-" + org));
        PutItemRequest put = PutItemRequest.builder().tableName(table).item(item).build();
        Runnable raw = () -> client.putItem(put);
        Runnable update = storeWrite(client, table, item);

        for (int i = 0; i < warmUp; i++) {
            save.run();
            raw.run();
            update.run();
        }
        long[] saves = new long[rounds * perRound];
        long[] puts = new long[rounds * perRound];
        long[] updates = new long[rounds * perRound];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < perRound; i++) {
                saves[round * perRound + i] = time(save);
            }
            for (int i = 0; i < perRound; i++) {
                puts[round * perRound + i] = time(raw);
            }
            for (int i = 0; i < perRound; i++) {
                updates[round * perRound + i] = time(update);
            }
        }
        System.err.printf("save-page %s%nraw-put   %s%nratio of medians %.2f%n", summary(saves), summary(puts),
                (double) median(saves) / median(puts));
        System.err.printf("where the difference goes: the store's conditional update alone %s%n"
                        + "  save-page / store update %.2f, store update / raw put %.2f%n", summary(updates),
                (double) median(saves) / median(updates), (double) median(updates) / median(puts));
    }

    /**
     * The write a page save makes, through the store alone (no token, rules, JSON or reply): the same conditional
     * update returning the new item, on a third copy of the item (as an organisation the seed does not invite) so that
     * its versions are its own.
     */
    private static Runnable storeWrite(DynamoDbClient client, String table, Map<String, AttributeValue> item) {
        String copy = "9999";
        Map<String, AttributeValue> copied = new HashMap<>(item);
        copied.put("sk", AttributeValue.fromS("ORG#" + copy));
        copied.put("orgNumber", AttributeValue.fromS(copy));
        client.putItem(PutItemRequest.builder().tableName(table).item(copied).build());
        ResponseDao store = new ResponseDao(client, table);
        StoredResponse[] current = {store.get(Seed.SURVEY, copy).orElseThrow()};
        ObjectNode answers = current[0].answers().deepCopy();
        return () -> {
            StoredResponse base = current[0];
            PageWrite write = new PageWrite(base.version(), ResponseStatus.IN_PROGRESS, answers, List.of("q0"),
                    base.questionnaireId(), base.questionnaireVersion(), Instant.now(),
                    new LastWrite(LastWrite.page("q0"), base.version(), "bench", List.of()));
            if (!(store.savePage(base, write) instanceof WriteOutcome.Written(StoredResponse written))) {
                throw new IllegalStateException("the store refused its own version");
            }
            current[0] = written;
        };
    }

    private static long time(Runnable operation) {
        long start = System.nanoTime();
        operation.run();
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String summary(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("median %6.0f µs  p90 %6.0f µs  mean %6.0f µs  (n=%d)",
                sorted[sorted.length / 2] / 1e3, sorted[sorted.length * 9 / 10] / 1e3,
                Arrays.stream(values).average().orElse(0) / 1e3, values.length);
    }
}
