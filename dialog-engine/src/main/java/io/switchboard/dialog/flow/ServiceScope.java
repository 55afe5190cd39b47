package io.switchboard.dialog.flow;

import io.switchboard.models.ServiceType;

import java.util.List;

/**
 * What a message says about the business's scope beyond the one service it may name: work the business does not
 * do ({@code outside}), or two services that fit it equally ({@code options}: the caller is asked which).
 */
public record ServiceScope(boolean outside, List<ServiceType> options) {

    public static final ServiceScope NONE = new ServiceScope(false, List.of());

    public ServiceScope {
        options = options == null ? List.of() : List.copyOf(options);
    }

    static ServiceScope outsideScope() {
        return new ServiceScope(true, List.of());
    }

    static ServiceScope either(List<ServiceType> options) {
        return new ServiceScope(false, options);
    }

    boolean ambiguous() {
        return options.size() > 1;
    }
}
