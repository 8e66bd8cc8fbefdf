package nl.loket;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values kept for the rest of the current transaction, so that one submit does not read the same row several times
 * (the requester's account for the approver, the e-mail and its language; the chosen product for the check and the
 * record). Nothing outlives the transaction; outside a transaction nothing is kept.
 *
 * @param <K> the key, e.g. a username
 * @param <V> what is kept for it
 */
public final class TransactionScoped<K, V> {

    private final Object resource = new Object();
    private final Consumer<Collection<V>> beforeCommit;

    public TransactionScoped() {
        this(values -> { });
    }

    /** @param beforeCommit given what is kept when the transaction is about to commit, e.g. to write it once */
    public TransactionScoped(Consumer<Collection<V>> beforeCommit) {
        this.beforeCommit = beforeCommit;
    }

    /** Whether values are kept: inside a transaction. */
    public boolean active() {
        return TransactionSynchronizationManager.isSynchronizationActive();
    }

    /** The value kept in this transaction, else the loaded one (kept from now on, also when empty). */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        Map<K, Optional<V>> values = values();
        if (values == null) {
            return load.apply(key);
        }
        Optional<V> value = values.get(key);
        if (value == null) {
            value = load.apply(key);
            values.put(key, value);
        }
        return value;
    }

    /** The value kept in this transaction, if any; nothing is loaded. */
    public Optional<V> peek(K key) {
        Map<K, Optional<V>> values = values();
        Optional<V> value = values == null ? null : values.get(key);
        return value == null ? Optional.empty() : value;
    }

    public void put(K key, V value) {
        Map<K, Optional<V>> values = values();
        if (values != null) {
            values.put(key, Optional.of(value));
        }
    }

    /** After a write: the next read in this transaction loads again. Returns whether a value was kept. */
    public boolean forget(K key) {
        Map<K, Optional<V>> values = values();
        Optional<V> removed = values == null ? null : values.remove(key);
        return removed != null && removed.isPresent();
    }

    @SuppressWarnings("unchecked")
    private Map<K, Optional<V>> values() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<K, Optional<V>> values = (Map<K, Optional<V>>) TransactionSynchronizationManager.getResource(resource);
        if (values == null) {
            Map<K, Optional<V>> created = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(resource, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(resource);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(resource, created);
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    List<V> kept = created.values().stream().flatMap(Optional::stream).toList();
                    created.clear();
                    beforeCommit.accept(kept);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(resource);
                }
            });
            values = created;
        }
        return values;
    }
}
