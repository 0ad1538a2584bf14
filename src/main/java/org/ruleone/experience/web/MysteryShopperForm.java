package org.ruleone.experience.web;

import java.math.BigDecimal;
import java.util.Map;

import org.ruleone.experience.MysteryReward;
import org.ruleone.experience.MysteryShopper;
import org.ruleone.experience.MysteryShopperDraft;
import org.ruleone.experience.MysteryShopperKind;
import org.ruleone.shared.Language;

/** A shopper as typed: every field a string, so a refused form comes back exactly as it was written. */
record MysteryShopperForm(String storeId, String name, String email, String language, String kind,
                          String customerId, String clientQuery, String rewardKind, String rewardAmount,
                          String rewardCurrency, String rewardGift) {

    MysteryShopperForm {
        storeId = text(storeId);
        name = text(name);
        email = text(email);
        language = text(language);
        kind = kind == null || kind.isBlank() ? MysteryShopperKind.FRIEND.name() : kind;
        customerId = text(customerId);
        clientQuery = text(clientQuery);
        rewardKind = rewardKind == null || rewardKind.isBlank() ? MysteryReward.Kind.MONEY.name() : rewardKind;
        rewardAmount = text(rewardAmount);
        rewardCurrency = text(rewardCurrency);
        rewardGift = text(rewardGift);
    }

    static MysteryShopperForm empty(Long storeId, String currency) {
        return new MysteryShopperForm(storeId == null ? "" : storeId.toString(), "", "", "", null, "", "", null, "",
                currency, "");
    }

    static MysteryShopperForm of(MysteryShopper s) {
        MysteryReward r = s.reward();
        return new MysteryShopperForm(String.valueOf(s.storeId()), s.name(), s.email(), s.language().code(),
                s.kind().name(), s.customerId() == null ? "" : s.customerId().toString(), "", r.kind().name(),
                r.amount() == null ? "" : r.amount().toPlainString(), r.currency() == null ? "" : r.currency(),
                r.gift());
    }

    /** The same form with a client picked: their details in place of what was typed. */
    MysteryShopperForm withClient(long clientStoreId, long clientId, String clientName, String clientEmail,
                                  Language clientLanguage) {
        return new MysteryShopperForm(String.valueOf(clientStoreId), clientName, clientEmail == null ? "" : clientEmail,
                clientLanguage == null ? language : clientLanguage.code(), MysteryShopperKind.BEST_CLIENT.name(),
                String.valueOf(clientId), clientQuery, rewardKind, rewardAmount, rewardCurrency, rewardGift);
    }

    Long store() {
        return number(storeId);
    }

    Long customer() {
        return number(customerId);
    }

    /** The draft for the API; what cannot even be read is put in {@code problems}. */
    MysteryShopperDraft draft(long store, Map<String, String> problems) {
        MysteryShopperKind k = parse(MysteryShopperKind.class, kind);
        MysteryReward.Kind rk = parse(MysteryReward.Kind.class, rewardKind);
        BigDecimal amount = null;
        if (!rewardAmount.isBlank()) {
            try {
                amount = new BigDecimal(rewardAmount.strip().replace(" ", "").replace(',', '.'));
            } catch (NumberFormatException e) {
                problems.put("rewardAmount", "experience.mystery.shopper.error.amount");
            }
        }
        return new MysteryShopperDraft(store, name, email, Language.fromCode(language).orElse(null), k,
                k == MysteryShopperKind.BEST_CLIENT ? customer() : null,
                rk == null ? null : new MysteryReward(rk, amount, rewardCurrency, rewardGift));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String v) {
        return v == null ? "" : v;
    }
}
