package nl.loket.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.StatementType;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * The SQL statements one piece of work sends to the database, for tests and benchmarks: every test context's data
 * source is wrapped (datasource-proxy), and {@link #of} records what the calling thread executes, nothing of other
 * threads (the job executor, schedulers). A batch counts each of its rows: the database runs each one.
 */
@Configuration(proxyBeanMethods = false)
public class SqlStatements {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();
    /** Statements of every thread, per counted data source: the application's is "loket". */
    private static final Map<String, AtomicLong> TOTALS = new ConcurrentHashMap<>();
    private static final Pattern TABLE = Pattern.compile(
            "^\\s*(?:(update)\\s+|(select|insert|delete)\\b.*?\\b(?:into|from)\\s+)([a-z_0-9.]+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** What ran on this thread during the work, and its result. */
    public record Recorded<T>(T result, List<String> statements) {

        public int count() {
            return statements.size();
        }

        /** The statements grouped as "verb table" with their numbers, e.g. "insert ACT_HI_VARINST=9". */
        public Map<String, Long> byTable() {
            return statements.stream().collect(Collectors.groupingBy(SqlStatements::verbAndTable, TreeMap::new,
                    Collectors.counting()));
        }

        public String describe() {
            StringBuilder text = new StringBuilder(count() + " statements\n");
            byTable().forEach((table, n) -> text.append(String.format(Locale.ROOT, "  %3d  %s%n", n, table)));
            return text.toString();
        }
    }

    @Bean
    static BeanPostProcessor recordSqlStatements() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)
                        ? counting(dataSource, "loket") : bean;
            }
        };
    }

    /** A data source whose statements {@link #of} sees, and {@link #total} counts under this name. */
    public static DataSource counting(DataSource dataSource, String name) {
        return ProxyDataSourceBuilder.create(dataSource).listener(new Listener(TOTALS.computeIfAbsent(name,
                n -> new AtomicLong()))).build();
    }

    /** All statements so far on the data source of this name, of every thread. */
    public static long total(String name) {
        return TOTALS.computeIfAbsent(name, n -> new AtomicLong()).get();
    }

    public static <T> Recorded<T> of(Supplier<T> work) {
        List<String> previous = RECORDING.get();
        List<String> statements = new ArrayList<>();
        RECORDING.set(statements);
        try {
            T result = work.get();
            return new Recorded<>(result, List.copyOf(statements));
        } finally {
            RECORDING.set(previous);
            if (previous != null) {
                previous.addAll(statements);
            }
        }
    }

    public static Recorded<Void> of(Runnable work) {
        return of(() -> {
            work.run();
            return null;
        });
    }

    public static String verbAndTable(String sql) {
        Matcher matcher = TABLE.matcher(sql);
        return matcher.find() ? (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)).toLowerCase(Locale.ROOT)
                + " " + matcher.group(3).toUpperCase(Locale.ROOT)
                : sql.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
    }

    private static final class Listener implements QueryExecutionListener {

        private final AtomicLong total;

        Listener(AtomicLong total) {
            this.total = total;
        }

        @Override
        public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        }

        @Override
        public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            List<String> statements = RECORDING.get();
            for (QueryInfo query : queries) {
                int rows = execution.isBatch() && execution.getStatementType() != StatementType.STATEMENT
                        ? Math.max(1, query.getParametersList().size()) : 1;
                total.addAndGet(rows);
                for (int i = 0; statements != null && i < rows; i++) {
                    statements.add(query.getQuery());
                }
            }
        }
    }
}
