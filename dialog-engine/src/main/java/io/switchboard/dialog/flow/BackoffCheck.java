package io.switchboard.dialog.flow;

import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Intent;
import io.switchboard.models.ServiceType;

import java.util.List;
import java.util.Optional;

/**
 * The one check every layer after the rules passes its reading through, the knowledge layer and the LLM alike:
 * only a service of this business (of the options just asked about, when there are any), and a yes or a no only
 * where the dialog asked a yes/no question or offered times. A reading that fails is dropped, never repaired.
 */
final class BackoffCheck {

    private final BusinessProfile profile;

    BackoffCheck(BusinessProfile profile) {
        this.profile = profile;
    }

    Optional<ServiceType> service(String serviceId, List<String> options) {
        if (serviceId == null || (!options.isEmpty() && !options.contains(serviceId))) {
            return Optional.empty();
        }
        return profile.service(serviceId);
    }

    Intent intent(Intent proposed, Expectation expected) {
        if (proposed == Intent.AFFIRM || proposed == Intent.DENY) {
            boolean asked = expected.is(Expectation.Slot.YES_NO) || expected.is(Expectation.Slot.SLOT_CHOICE);
            return asked ? proposed : Intent.UNKNOWN;
        }
        return proposed;
    }
}
