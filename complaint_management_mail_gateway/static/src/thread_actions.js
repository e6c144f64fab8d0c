import { threadActionsRegistry } from "@mail/core/common/thread_actions";
import { _t } from "@web/core/l10n/translation";

threadActionsRegistry.add("complaint-from-chat", {
    condition(component) {
        return (
            component.thread?.model === "discuss.channel" &&
            component.thread.channel_type === "gateway" &&
            component.store.self?.isInternalUser
        );
    },
    icon: "fa fa-fw fa-exclamation-circle",
    iconLarge: "fa fa-fw fa-lg fa-exclamation-circle",
    name: _t("Complaint"),
    async open(component) {
        const action = await component.env.services.orm.call("discuss.channel", "action_complaint_from_chat", [
            [component.thread.id],
        ]);
        await component.env.services.action.doAction(action);
    },
    sequence: 15,
});
