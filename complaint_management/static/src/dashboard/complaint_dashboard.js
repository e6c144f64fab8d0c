/** @odoo-module */

import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { formatFloat, formatInteger } from "@web/views/fields/formatters";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

/**
 * The manager dashboard: KPI cards compared with the previous period, complaints per month and
 * per category. Every figure opens the complaints behind it.
 */
export class ComplaintDashboard extends Component {
    static template = "complaint_management.ComplaintDashboard";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.periods = [7, 30, 90, 365];
        // the server's default period until the manager picks another
        this.state = useState({ days: null, data: null });
        onWillStart(() => this.load());
    }

    async load() {
        const data = await this.orm.call("complaint.report", "get_dashboard_data", [], {
            days: this.state.days,
        });
        this.state.days = data.days;
        this.state.data = data;
    }

    async setDays(days) {
        this.state.days = days;
        await this.load();
    }

    formatValue(kind, value) {
        if (value === null || value === undefined || value === false) {
            return "–";
        }
        if (kind === "percent") {
            return `${formatFloat(value, { digits: [69, 0] })}%`;
        }
        if (kind === "hours") {
            return _t("%(hours)s h", { hours: formatFloat(value, { digits: [69, 1] }) });
        }
        return formatInteger(value);
    }

    /** How the figure moved since the previous period, and whether that is good news. */
    change(kpi) {
        if (kpi.previous === null || kpi.previous === undefined || kpi.previous === false) {
            return null;
        }
        const text = _t("previous: %(value)s", { value: this.formatValue(kpi.kind, kpi.previous) });
        if (kpi.value === null || kpi.value === false || kpi.value === kpi.previous) {
            return { text, className: "text-muted", icon: "fa-minus" };
        }
        const up = kpi.value > kpi.previous;
        const good = (kpi.better === "higher") === up;
        return {
            text,
            className: good ? "text-success" : "text-danger",
            icon: up ? "fa-arrow-up" : "fa-arrow-down",
        };
    }

    barShare(items, item) {
        const max = Math.max(1, ...items.map((other) => other.count));
        return Math.round((item.count * 100) / max);
    }

    open(title, domain) {
        this.action.doAction({
            type: "ir.actions.act_window",
            name: title,
            res_model: "complaint.complaint",
            domain,
            views: [
                [false, "list"],
                [false, "form"],
            ],
            target: "current",
        });
    }
}

registry.category("actions").add("complaint_dashboard", ComplaintDashboard);
