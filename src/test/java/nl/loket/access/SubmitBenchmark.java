package nl.loket.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import nl.loket.request.FormRequestService;
import nl.loket.request.RequestStatus;
import nl.loket.support.EmbeddedPostgresConfiguration;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.SqlStatements;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Not a test: a benchmark, run with {@code mvn verify -Pbenchmark -Dit.test=SubmitBenchmark}. Loket's software-access
 * submit against the bare engine starting the same process, side by side in one JVM on one embedded PostgreSQL
 * server (two databases), in interleaved rounds. Figures and what each side does: docs/performance.md.
 * <p>
 * Sizes from system properties: {@code benchmark.rounds} (5), {@code benchmark.submits} per side and round (150),
 * {@code benchmark.threads} (1,4), {@code benchmark.warmup} per side (600).
 */
@LoketIntegrationTest
@Import(EmbeddedPostgresConfiguration.class)
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=submit-benchmark",
        "camunda.bpm.job-execution.enabled=true"})
class SubmitBenchmark {

    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);
    static final int SUBMITS = Integer.getInteger("benchmark.submits", 150);
    static final int WARM_UP = Integer.getInteger("benchmark.warmup", 600);
    static final int[] THREADS = Arrays.stream(System.getProperty("benchmark.threads", "1,4").split(","))
            .map(String::strip).mapToInt(Integer::parseInt).toArray();
    static final String FREE = "Visual Studio Code";
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(2);

    @Autowired FormRequestService forms;
    @Autowired SoftwareRequests softwareRequests;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired EmbeddedPostgres postgres;
    @Autowired ProcessEngine loketEngine;
    private final List<HikariDataSource> barePools = new ArrayList<>();

    /** One side of the comparison: what one submit is, how many instances have ended, whether jobs are left. */
    interface Side {
        String name();

        void submit(int n);

        long ended();

        long jobsLeft();

        String statementsName();
    }

    @Test
    void loket_submit_against_the_bare_engine() throws Exception {
        ProcessEngine bare = bareEngine("bare", ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START);
        try {
            ensureJobExecutor(loketEngine);
            long software = softwareRequests.softwareId(FREE);
            Side loket = loketSide(software);
            Side engine = bareSide(bare, software, "bare");
            System.out.printf(Locale.ROOT, "Job executors: Loket %s (active %s), bare %s (active %s)%n",
                    jobExecutorOf(loketEngine), isActive(loketEngine), jobExecutorOf(bare), isActive(bare));

            for (Side side : List.of(engine, loket)) {
                run(side, 1, WARM_UP);
                drain(side);
            }
            Map<String, double[]> perSubmit = new HashMap<>();
            for (Side side : List.of(engine, loket)) {
                perSubmit.put(side.name(), statementsPerSubmit(side, 50));
                drain(side);
            }

            List<String> table = new ArrayList<>();
            table.add(String.format(Locale.ROOT, "%-7s %-13s %9s %9s %7s %18s", "threads", "measure", "bare/s",
                    "Loket/s", "ratio", "rounds (ratio)"));
            for (int threads : THREADS) {
                List<Double> submitRatios = new ArrayList<>();
                List<Double> endRatios = new ArrayList<>();
                List<double[]> submitRates = new ArrayList<>();
                List<double[]> endRates = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    List<Side> order = round % 2 == 0 ? List.of(engine, loket) : List.of(loket, engine);
                    double[] submit = new double[2];
                    double[] endToEnd = new double[2];
                    for (Side side : order) {
                        int i = side == engine ? 0 : 1;
                        submit[i] = submitsPerSecond(side, threads);
                        drain(side);
                        endToEnd[i] = endToEndPerSecond(side, threads);
                        drain(side);
                    }
                    submitRates.add(submit);
                    endRates.add(endToEnd);
                    submitRatios.add(submit[1] / submit[0]);
                    endRatios.add(endToEnd[1] / endToEnd[0]);
                    System.out.printf(Locale.ROOT, "threads %d round %d: submit bare %.1f/s Loket %.1f/s; end to end"
                            + " bare %.1f/s Loket %.1f/s%n", threads, round + 1, submit[0], submit[1], endToEnd[0],
                            endToEnd[1]);
                }
                table.add(row(threads, "submit", submitRates, submitRatios));
                table.add(row(threads, "end to end", endRates, endRatios));
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "Software-access submit, Loket against the bare engine (%d rounds of %d per"
                    + " side, medians):%n", ROUNDS, SUBMITS);
            table.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "Statements per submit (calling thread): bare %.1f, Loket %.1f%n",
                    perSubmit.get(engine.name())[0], perSubmit.get(loket.name())[0]);
            System.out.printf(Locale.ROOT, "Statements per request end to end (every thread, job acquisition"
                    + " included): bare %.1f, Loket %.1f%n", perSubmit.get(engine.name())[1],
                    perSubmit.get(loket.name())[1]);
            System.out.println(removalTimeStrategies(software));
            System.out.println();
        } finally {
            bare.close();
            barePools.forEach(HikariDataSource::close);
            TestUsers.logout();
        }
    }

    /** The same bare measurement with Camunda's default strategy "end", in a database of its own. */
    private String removalTimeStrategies(long software) throws Exception {
        ProcessEngine end = bareEngine("bare_end", ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
        try {
            Side side = bareSide(end, software, "bare_end");
            run(side, 1, 50);
            drain(side);
            double[] statements = statementsPerSubmit(side, 50);
            return String.format(Locale.ROOT, "Bare engine with historyRemovalTimeStrategy end (Camunda's default):"
                    + " %.1f statements per submit, %.1f per request end to end", statements[0], statements[1]);
        } finally {
            end.close();
        }
    }

    private static String row(int threads, String measure, List<double[]> rates, List<Double> ratios) {
        String rounds = ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r))
                .reduce((a, b) -> a + " " + b).orElse("");
        return String.format(Locale.ROOT, "%-7d %-13s %9.1f %9.1f %7.2f   %s", threads, measure,
                median(rates.stream().mapToDouble(r -> r[0]).toArray()),
                median(rates.stream().mapToDouble(r -> r[1]).toArray()),
                median(ratios.stream().mapToDouble(Double::doubleValue).toArray()), rounds);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** Submits only: the time until the last submit has committed. */
    private double submitsPerSecond(Side side, int threads) throws Exception {
        long begin = System.nanoTime();
        run(side, threads, SUBMITS);
        return SUBMITS / ((System.nanoTime() - begin) / 1e9);
    }

    /** Submits and their async grants: the time until the last grant has committed (the instance has ended). */
    private double endToEndPerSecond(Side side, int threads) throws Exception {
        long target = side.ended() + SUBMITS;
        long begin = System.nanoTime();
        run(side, threads, SUBMITS);
        waitFor(() -> side.ended() >= target ? 1 : 0);
        return SUBMITS / ((System.nanoTime() - begin) / 1e9);
    }

    /** [statements per submit on the calling thread, statements per request on every thread until it ended]. */
    private double[] statementsPerSubmit(Side side, int count) throws Exception {
        long calling = 0;
        long totalBefore = SqlStatements.total(side.statementsName());
        long target = side.ended() + count;
        users.loginAs("emma");
        for (int i = 0; i < count; i++) {
            int n = i;
            calling += SqlStatements.of(() -> side.submit(n)).count();
        }
        TestUsers.logout();
        waitFor(() -> side.ended() >= target ? 1 : 0);
        drain(side);
        long all = SqlStatements.total(side.statementsName()) - totalBefore;
        return new double[] {calling / (double) count, all / (double) count};
    }

    private void run(Side side, int threads, int submits) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    users.loginAs("emma");
                    try {
                        for (int n = next.getAndIncrement(); n < submits; n = next.getAndIncrement()) {
                            side.submit(n);
                        }
                    } finally {
                        TestUsers.logout();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void drain(Side side) throws InterruptedException {
        waitFor(() -> side.jobsLeft() == 0 ? 1 : 0);
    }

    private static void waitFor(LongSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (done.getAsLong() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Jobs did not finish within " + DRAIN_LIMIT);
            }
            Thread.sleep(5);
        }
    }

    /** What a user's submit calls: the start-form service (checks, validation, request row, process, read model). */
    private Side loketSide(long software) {
        Map<String, Object> form = SoftwareRequests.form(software, SoftwareRequests.JUSTIFICATION, false,
                LocalDate.now().plusMonths(6));
        return new Side() {
            public String name() {
                return "Loket";
            }

            public void submit(int n) {
                forms.submit(SoftwareAccessProcess.KEY, form, Locale.ENGLISH);
            }

            public long ended() {
                return jdbc.sql("select count(*) from service_request where request_type = ? and status = ?")
                        .params(SoftwareAccessProcess.KEY, RequestStatus.FULFILLED.name()).query(Long.class).single();
            }

            public long jobsLeft() {
                return loketEngine.getManagementService().createJobQuery()
                        .processDefinitionKey(SoftwareAccessProcess.KEY).executable().count();
            }

            public String statementsName() {
                return "loket";
            }
        };
    }

    /**
     * The bare engine starts the same process with the variables Loket's submit gives it (the four form fields,
     * requestId, requester, approver); its start listener sets the same two variables as Loket's
     * (licenceCost, manualFulfilment) without a database, and its grant delegate does nothing.
     */
    private Side bareSide(ProcessEngine bare, long software, String database) {
        AtomicLong requestIds = new AtomicLong(1_000_000);
        return new Side() {
            public String name() {
                return "bare";
            }

            public void submit(int n) {
                long requestId = requestIds.incrementAndGet();
                Map<String, Object> variables = new HashMap<>();
                variables.put(SoftwareAccessProcess.SOFTWARE.name(), software);
                variables.put(SoftwareAccessProcess.JUSTIFICATION.name(), SoftwareRequests.JUSTIFICATION);
                variables.put(SoftwareAccessProcess.ADMIN_RIGHTS.name(), false);
                variables.put(SoftwareAccessProcess.END_DATE.name(), LocalDate.now().plusMonths(6).toString());
                variables.put(SoftwareAccessProcess.REQUEST_ID.name(), requestId);
                variables.put(SoftwareAccessProcess.REQUESTER.name(), "emma");
                variables.put(SoftwareAccessProcess.APPROVER.name(), "mark");
                bare.getRuntimeService().startProcessInstanceByKey(SoftwareAccessProcess.KEY,
                        "REQ-BARE-" + requestId, variables);
            }

            public long ended() {
                return bare.getHistoryService().createHistoricProcessInstanceQuery()
                        .processDefinitionKey(SoftwareAccessProcess.KEY).finished().count();
            }

            public long jobsLeft() {
                return bare.getManagementService().createJobQuery().processDefinitionKey(SoftwareAccessProcess.KEY)
                        .executable().count();
            }

            public String statementsName() {
                return database;
            }
        };
    }

    /**
     * The engine alone, configured as Loket's Spring Boot engine is where it matters: history full, the same history
     * time to live and removal-time strategy, UUIDs as ids (the starter's default), batch processing, the job
     * executor on with its default pool; its own database on the same PostgreSQL server, a pool of the same size.
     */
    private ProcessEngine bareEngine(String database, String removalTimeStrategy) {
        jdbc.sql("drop database if exists " + database).update();
        jdbc.sql("create database " + database).update();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", database));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(20);
        barePools.add(pool);
        DataSource counted = SqlStatements.counting(pool, database);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(database);
        configuration.setDataSource(counted);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setHistoryTimeToLive("P180D");
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setHistoryRemovalTimeStrategy(removalTimeStrategy);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorActivate(true);
        configuration.setBeans(Map.of(
                "recordSoftwareRequestListener", (ExecutionListener) execution -> {
                    SoftwareAccessProcess.LICENCE_COST.set(execution, 0.0);
                    SoftwareAccessProcess.MANUAL_FULFILMENT.set(execution, false);
                },
                "grantSoftwareAccessDelegate", (JavaDelegate) execution -> { },
                "recordRejectionDelegate", (JavaDelegate) execution -> { },
                "recordNotFulfilledDelegate", (JavaDelegate) execution -> { },
                "approvalReminderDelegate", (JavaDelegate) execution -> { },
                "approvalEscalationDelegate", (JavaDelegate) execution -> { },
                "markAwaitingApprovalListener", (TaskListener) task -> { },
                "markApprovedListener", (TaskListener) task -> { },
                "markAwaitingFulfilmentListener", (TaskListener) task -> { },
                "recordFulfilmentListener", (TaskListener) task -> { }));
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("bare")
                .addClasspathResource("processes/software-access.bpmn")
                .addClasspathResource("processes/decisions/software-access-approval.dmn")
                .addClasspathResource("forms/software-access-request.form")
                .addClasspathResource("forms/software-access-approve.form")
                .addClasspathResource("forms/software-access-fulfil.form")
                .deploy();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(SoftwareAccessProcess.KEY).count()).isEqualTo(1);
        return engine;
    }

    private static void ensureJobExecutor(ProcessEngine engine) {
        var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (!jobExecutor.isActive()) {
            jobExecutor.start();
        }
    }

    private static String jobExecutorOf(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().getClass()
                .getSimpleName();
    }

    private static boolean isActive(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().isActive();
    }
}
