package org.ruleone.customers;

import java.util.List;
import java.util.Locale;

/** Implemented by modules that know headline figures about a client (the purchases module: spend, visits). */
public interface ClientFiguresSource {

    List<ClientFigure> figures(long customerId, Locale locale);
}
