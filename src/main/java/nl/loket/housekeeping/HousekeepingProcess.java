package nl.loket.housekeeping;

/** The contract of processes/loket-housekeeping.bpmn: its key and the element ids code and tests refer to. */
public final class HousekeepingProcess {

    public static final String KEY = "loket-housekeeping";
    public static final String START = "StartEvent_Nightly";
    public static final String PURGE = "ServiceTask_PurgeExpiredRows";
    public static final String END = "EndEvent_Purged";

    private HousekeepingProcess() {
    }
}
