package nl.loket.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import nl.loket.support.EmbeddedPostgresConfiguration;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SqlStatements;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: a benchmark, run with {@code mvn verify -Pbenchmark -Dit.test=InboxBenchmark}; sizes from system
 * properties ({@code benchmark.inbox.sizes}, {@code benchmark.runs}, {@code benchmark.warmup}). By default it loads
 * 1,000 and then 100,000 open tasks
 * into a real PostgreSQL server (real process instances, through the engine, so the read model is filled the way
 * it is in production) and prints the inbox's first page p50/p95 and the SQL statements per page. The figures go
 * to docs/performance.md.
 */
@LoketIntegrationTest
@Import(EmbeddedPostgresConfiguration.class)
@TestPropertySource(properties = "camunda.bpm.process-engine-name=benchmark")
class InboxBenchmark {

    static final int PAGE = 50;
    static final int WARM_UP = Integer.getInteger("benchmark.warmup", 30);
    static final int RUNS = Integer.getInteger("benchmark.runs", 300);
    /** Open tasks to measure at, in ascending order: -Dbenchmark.inbox.sizes=1000,100000 (the default). */
    static final int[] SIZES = java.util.Arrays.stream(System.getProperty("benchmark.inbox.sizes", "1000,100000")
            .split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    static final String[] REQUESTERS = {"emma", "frank", "ada"};

    @Autowired InboxService inbox;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired TestUsers users;

    @Test
    void first_page_at_1k_and_100k_open_tasks() {
        repositoryService.createDeployment().addClasspathResource("benchmark/inbox-benchmark.bpmn").deploy();
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "%-8s %-34s %9s %9s %11s", "tasks", "page (50 rows)", "p50 ms",
                "p95 ms", "statements"));
        int loaded = 0;
        for (int target : SIZES) {
            Instant start = Instant.now();
            load(target - loaded);
            loaded = target;
            System.out.printf(Locale.ROOT, "Loaded %,d open tasks in %s%n", target, Duration.between(start, Instant.now()));
            jdbc.sql("analyze").update();
            users.loginAs("mark");
            measure(report, target, "all, oldest first", InboxFilter.all());
            measure(report, target, "group tasks, newest first",
                    InboxFilter.all().withScope(InboxFilter.Scope.GROUP).withSort(InboxFilter.Sort.NEWEST_FIRST));
            measure(report, target, "requester emma, high priority",
                    new InboxFilter(InboxFilter.Scope.ALL, null, "emma", 75, null, null, InboxFilter.Sort.OLDEST_FIRST));
            TestUsers.logout();
        }
        System.out.println();
        System.out.println("Inbox first page on PostgreSQL (InboxService.page + count, as user mark):");
        report.forEach(System.out::println);
        System.out.println();
    }

    private void measure(List<String> report, int tasks, String name, InboxFilter filter) {
        for (int i = 0; i < WARM_UP; i++) {
            firstPage(filter);
        }
        List<Long> nanos = new ArrayList<>();
        int statements = 0;
        for (int i = 0; i < RUNS; i++) {
            long begin = System.nanoTime();
            SqlStatements.Recorded<List<InboxItem>> recorded = SqlStatements.of(() -> firstPage(filter));
            nanos.add(System.nanoTime() - begin);
            List<InboxItem> page = recorded.result();
            statements = recorded.count();
            assertThat(page).isNotEmpty().allSatisfy(item -> assertThat(item.request().requester()).isNotEqualTo("mark"));
        }
        Collections.sort(nanos);
        report.add(String.format(Locale.ROOT, "%-8s %-34s %9.2f %9.2f %11d", String.format(Locale.ROOT, "%,d", tasks), name,
                nanos.get(nanos.size() / 2) / 1e6, nanos.get((int) (nanos.size() * 0.95)) / 1e6, statements));
    }

    private List<InboxItem> firstPage(InboxFilter filter) {
        List<InboxItem> page = inbox.page(filter, 0, PAGE);
        inbox.count(filter);
        return page;
    }

    /** Request rows and process instances in batches of 1,000 per transaction. */
    private void load(int count) {
        AtomicInteger done = new AtomicInteger();
        while (done.get() < count) {
            int batch = Math.min(1_000, count - done.get());
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < batch; i++) {
                    int n = done.getAndIncrement();
                    String requester = REQUESTERS[n % REQUESTERS.length];
                    KeyHolder keys = new GeneratedKeyHolder();
                    jdbc.sql("""
                            insert into service_request (request_type, requester, summary, status, created_at, updated_at)
                            values ('inbox-benchmark', ?, ?, 'SUBMITTED', current_timestamp, current_timestamp)""")
                            .params(requester, "Benchmark request " + n).update(keys, "id");
                    long id = keys.getKey().longValue();
                    String number = "BEN-" + id;
                    jdbc.sql("update service_request set request_number = ? where id = ?").params(number, id).update();
                    String instance = runtimeService.startProcessInstanceByKey("inbox-benchmark", number,
                            java.util.Map.of("requestId", id, "requester", requester, "priority", n % 10 == 0 ? 80 : 50))
                            .getId();
                    jdbc.sql("update service_request set process_instance_id = ? where id = ?").params(instance, id).update();
                }
            });
        }
    }
}
