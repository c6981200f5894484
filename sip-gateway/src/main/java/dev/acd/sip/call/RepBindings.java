package dev.acd.sip.call;

import dev.acd.sip.registrar.Binding;
import java.util.List;

/** Where a rep's softphones are registered now: the registrar's {@code bindingsOf}. Called on call loops. */
@FunctionalInterface
public interface RepBindings {
    /** The rep's current bindings, possibly empty; must not block. */
    List<Binding> bindingsOf(String repId);
}
