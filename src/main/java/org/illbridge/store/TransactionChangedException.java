package org.illbridge.store;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A transaction's standing was changed by someone else (another APDU, a staff action, another
 * instance) after it was read and before the change worked out from that reading was written:
 * nothing was written; read it again and work the change out anew.
 */
public final class TransactionChangedException extends OptimisticLockingFailureException {

    public TransactionChangedException(long id) {
        super("Request " + id + " was changed by someone else at the same moment; nothing was written");
    }
}
