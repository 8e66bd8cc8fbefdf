package nl.loket.directory.embedded;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;

/** Tells the embedded server that an operation changed something (add, delete, modify, rename, password modify). */
final class ChangeInterceptor extends InMemoryOperationInterceptor {

    private final Runnable changed;

    ChangeInterceptor(Runnable changed) {
        this.changed = changed;
    }

    private void after(LDAPResult result) {
        if (result.getResultCode() == ResultCode.SUCCESS) {
            changed.run();
        }
    }

    @Override
    public void processAddResult(InMemoryInterceptedAddResult result) {
        after(result.getResult());
    }

    @Override
    public void processDeleteResult(InMemoryInterceptedDeleteResult result) {
        after(result.getResult());
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
        after(result.getResult());
    }

    @Override
    public void processModifyDNResult(InMemoryInterceptedModifyDNResult result) {
        after(result.getResult());
    }

    @Override
    public void processExtendedResult(InMemoryInterceptedExtendedResult result) {
        after(result.getResult());
    }
}
