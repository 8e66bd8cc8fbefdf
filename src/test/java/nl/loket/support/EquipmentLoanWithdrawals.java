package nl.loket.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import nl.loket.request.Request;
import nl.loket.request.WithdrawalHandler;
import org.springframework.stereotype.Component;

/** The test request type's compensation on withdrawal: records which requests it was asked to undo. */
@Component
public class EquipmentLoanWithdrawals implements WithdrawalHandler {

    private final List<String> undone = new CopyOnWriteArrayList<>();

    @Override
    public String requestType() {
        return EquipmentLoan.KEY;
    }

    @Override
    public void withdrawn(Request request) {
        undone.add(request.number());
    }

    public List<String> undone() {
        return List.copyOf(undone);
    }
}
