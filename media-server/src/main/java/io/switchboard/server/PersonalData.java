package io.switchboard.server;

import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.privacy.CustomerRecords;
import io.switchboard.telephony.calllog.CallLogRetention;
import io.switchboard.telephony.calllog.CallLogStore;
import io.switchboard.telephony.http.CustomerDataApi;
import io.switchboard.telephony.privacy.CustomerRetention;
import io.switchboard.telephony.privacy.MessageRetention;
import io.switchboard.telephony.privacy.PersonalDataErasure;
import io.switchboard.telephony.privacy.PersonalDataExport;
import io.switchboard.telephony.privacy.PrivacyLog;
import io.switchboard.telephony.privacy.RetentionSchedule;
import io.switchboard.telephony.privacy.RetentionSettings;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;

/** Wires the personal-data parts over one database: the export/erase API and the one retention schedule. */
final class PersonalData {

    private PersonalData() {
    }

    static CustomerDataApi api(Scheduling scheduling, Clock clock, WorkerExecutor workers) {
        DSLContext dsl = scheduling.database().dsl();
        PrivacyLog log = new PrivacyLog(dsl);
        return new CustomerDataApi(new PersonalDataExport(dsl, log, clock, scheduling.profile().timezone()),
                new PersonalDataErasure(dsl, new CustomerRecords(dsl, scheduling.audit()), log, clock),
                scheduling.phones(), workers);
    }

    /** Every retention period, enforced by one job (not started). */
    static RetentionSchedule retention(Scheduling scheduling, Clock clock, Duration calls, RetentionSettings periods) {
        DSLContext dsl = scheduling.database().dsl();
        return new RetentionSchedule(clock, List.of(
                new CallLogRetention(new CallLogStore(dsl), clock, calls),
                new MessageRetention(dsl, periods.messages()),
                new CustomerRetention(dsl, new CustomerRecords(dsl, scheduling.audit()), new PrivacyLog(dsl),
                        periods.customers())));
    }
}
