/* Generated from openapi.json by `npm run openapi` (openapi-typescript); do not edit. */
export interface paths {
    "/agents/me/worklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agent’s open projects and what to do next, most urgent first: overdue cases, stalled steps, targets within five working days, steps to file again, steps ready to file */
        get: operations["getAgentWorklist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/appointments/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn today’s booking into a ticket at the kiosk (预约签到取号): the same ticket again for the same booking */
        post: operations["checkInAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/appointments/no-shows/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the date’s bookings not checked in by `noShowAfterMinutes` after their slot as no-shows (爽约); the daily timer does the same */
        post: operations["sweepAppointmentNoShows"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/archive-checks/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A month’s archive sample and findings */
        get: operations["getArchiveChecks"];
        put?: never;
        /** Draw a month’s archive sample per window (once) */
        post: operations["drawArchiveChecks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/archive-checks/{month}/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sampled file with the case’s own dated, signed steps next to the checklist */
        get: operations["getArchiveCheck"];
        put?: never;
        /** Record the problems found in a sampled file */
        post: operations["recordArchiveCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A year’s holidays and worked weekend days */
        get: operations["getCalendarYear"];
        /** Enter or correct a year’s holiday notice */
        put: operations["amendCalendarYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A day’s callback list with full phone numbers (staff=me for one’s own share; format=csv) */
        get: operations["getCallbacks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/callbacks/{caseId}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a callback attempt from today’s list */
        post: operations["recordCallbackAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/callbacks/lists/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Build and publish a day’s callback list (once per day; again returns it) */
        post: operations["buildCallbackList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register an application (收件) */
        post: operations["submitCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case, with its deadline against today’s calendar */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the application (受理); the deadline starts */
        post: operations["acceptCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide the case (办结) */
        post: operations["completeCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand over the result (送达) */
        post: operations["deliverCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case’s timeline: who did what, where and when */
        get: operations["getCaseEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/joint/inspection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Appoint the joint inspection, or move it (安排联合验收) */
        post: operations["scheduleJointInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/joint/inspection/held": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record who came to the joint inspection; an unjustified absence is consent (无正当理由缺席默认) */
        post: operations["recordJointInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/joint/opinions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A department’s opinion on a joint case: pass, rectify (with items) or fail (部门意见) */
        post: operations["giveDepartmentOpinion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/joint/rectification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The combined rectification list, each item with its department */
        get: operations["getJointRectification"];
        put?: never;
        /** Issue the combined rectification list of every department that asked (一次性整改通知) */
        post: operations["issueJointRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/joint/rectification/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The applicant has rectified: the departments that asked review again (整改完成) */
        post: operations["completeJointRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline to accept (不予受理), with the reason */
        post: operations["rejectCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/request-materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue the one-time notice of everything missing (一次性告知) */
        post: operations["requestMaterials"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the special procedure: the clock runs again */
        post: operations["resumeCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rate the service (好差评): from a rating device, online or the hotline */
        post: operations["reviewCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/supply-materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the materials brought in answer to the notice (补正) */
        post: operations["supplyMaterials"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a special procedure (特别程序): the clock stops */
        post: operations["suspendCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the case to another window, or forward it to the county (转办/转报) */
        post: operations["transferCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events the projector gave up on (locally; on AWS also the SQS dead-letter queue) */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The departments (部门) and their windows, by name: no reads, for pickers and reports */
        get: operations["listDepartments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/departments/{id}/joint-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A department’s joint tasks (部门待办), most urgent first */
        get: operations["listJointTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Window directors and their windows */
        get: operations["listDirectors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hall/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last calls for the hall screen (ticket → window) */
        get: operations["getHallBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hall/waiting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each category’s waiting count and the wait a visitor taking a ticket now should expect (the hall screen) */
        get: operations["getHallWaiting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intermediaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The intermediaries with their state and trust score today (信用评价), highest score first; contacts for staff and owners only */
        get: operations["listIntermediaries"];
        put?: never;
        /** Register an intermediary (中介机构入驻): 201, pending an administrator’s approval. An intermediary registers under its account’s custom:intermediaryId; an administrator gets a new id to bind its accounts to */
        post: operations["registerIntermediary"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intermediaries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An intermediary with its trust score and every fact behind it (evaluations, penalties); an intermediary reads its own */
        get: operations["getIntermediary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intermediaries/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve an intermediary (审核通过): it may quote from now on */
        post: operations["approveIntermediary"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intermediaries/{id}/qualifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace its service types and certificates (资质变更): a renewed or new certificate */
        post: operations["updateIntermediaryQualifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intermediaries/{id}/reinstate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a suspension (恢复资格), one set by hand or one its evaluations brought */
        post: operations["reinstateIntermediary"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intermediaries/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an intermediary (暂停资格) through a day, or until reinstated */
        post: operations["suspendIntermediary"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The item catalogue (事项目录) */
        get: operations["listItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One item */
        get: operations["getItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/joint/deadlines/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deem every department whose deadline is before the date and that has not answered to approve (超时默许); the daily timer does the same */
        post: operations["sweepJointDeadlines"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/market/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the daily timer now (an administrator): close quoting where the deadline passed and end the publicity periods that are over; nothing twice */
        post: operations["sweepMarketDeadlines"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/market/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Marketplace projects, newest first: an owner’s own; for an intermediary every published one, each with its own quote only until the deadline */
        get: operations["listMarketProjects"];
        put?: never;
        /** Draft a project’s intermediary need (编制采购需求): 201 with its id and number; an owner drafts for its own unit, an administrator names the unit */
        post: operations["draftMarketProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/market/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A marketplace project: quotes sealed until the deadline (an intermediary sees its own), then every quote with the result and its evidence */
        get: operations["getMarketProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/market/projects/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the service delivered (服务完成): late against the quoted service period is a penalty */
        post: operations["completeMarketService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/market/projects/{id}/contract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the contract (签订合同) after the publicity period */
        post: operations["signMarketContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/market/projects/{id}/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluate the intermediary (服务评价), once: quality, timeliness, attitude, fee compliance 1–5 */
        post: operations["evaluateIntermediary"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/market/projects/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Object to the result during its publicity period (提出异议): an intermediary that quoted, or an administrator recording one */
        post: operations["raiseObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/market/projects/{id}/objections/{n}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer an objection (异议处理): upheld annuls the selection (its intermediary is penalised and the owner selects again among the rest); dismissed, the publicity period ends if it is over */
        post: operations["resolveObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/market/projects/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the announcement (发布公告); a random draw’s key commitment goes out with it. The deadline must leave the county’s minimum working days: a draft that waited too long is published with a new `quoteDeadline` */
        post: operations["publishMarketProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/market/projects/{id}/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Quote (报价), sealed until the deadline; quoting again replaces one’s quote. Only approved, unsuspended intermediaries with the qualification and a trust score at or above the floor, within the budget */
        post: operations["submitQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/market/projects/{id}/select": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Select the winner after the deadline (选取) by the announced method: lowest price and the random draw need nothing, comprehensive scoring the panel’s scores; too few quotes fail the project (流标). The result is publicised for the county’s working days */
        post: operations["selectIntermediary"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/market/projects/{id}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The winner gives up its award before the contract (放弃中选): penalised on its trust score; the owner selects again among the rest */
        post: operations["withdrawAward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/market/service-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The kinds of intermediary service the county’s marketplace deals in (服务类型), and its rules: minimum quotes, announcement and publicity working days, the direct-award threshold, the trust floor */
        get: operations["listMarketServiceTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API’s OpenAPI 3.1 document */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The projects, newest first (an agent’s: their own site’s) */
        get: operations["listProjects"];
        put?: never;
        /** Take on an enterprise’s investment project (代办项目登记): 201 with its id and number; an agent registers at their own site and is assigned to it */
        post: operations["registerProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project with each step’s state today (waiting, ready, filed, done, denied, stalled), its case, planned and actual dates, and the critical path’s expected finish */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/agent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign the project’s agent (指派代办员) */
        post: operations["assignProjectAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the project (结案) */
        post: operations["closeProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a visit or call (走访/电话跟进): what the enterprise needs, what is blocking */
        post: operations["recordProjectFollowUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the plan of permits (代办计划) as a new version: each step a catalogue item after the steps it must follow; a cycle or an unknown item is 422 naming the step */
        put: operations["setProjectPlan"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Book a slot (预约): 201 with the code for the kiosk; 409 when the slot is full, 422 for a closed date, a started slot or a phone blocked after no-shows (public) */
        post: operations["bookAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/appointments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a booking with its code before the slot starts (取消预约); a wrong code is 404 as an unknown booking, 409 once the slot has started (public) */
        post: operations["cancelAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/appointments/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ticket categories a citizen can book a slot of (public) */
        get: operations["listAppointmentCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/appointments/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A date’s half-hour slots of a category with the places left (public) */
        get: operations["getAppointmentSlots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/market/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The marketplace’s announcements and results (中介超市公告/结果公示), newest first: amounts only after the deadline, savings and a draw’s evidence with the result; rate limited per client */
        get: operations["listPublicMarketProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Look a case up by its number and a code (办件进度查询): the last four digits of the applicant’s phone or the receipt’s query code; rate limited per client */
        get: operations["getPublicProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/reviews/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a rating link rates (扫码/短信评价): the item and its dates, and whether the link was used; 404 forged, 410 expired */
        get: operations["getPublicReview"];
        put?: never;
        /** Rate the case from the link (online channel), once per link: 409 when the link was used; a bad rating opens a rectification */
        post: operations["postPublicReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A category’s waiting list, in calling order, with how many wait ahead */
        get: operations["getQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rectifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rectifications (整改) with overdue warnings; clerks see their window’s; callback staff see those awaiting their follow-up call */
        get: operations["listRectifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rectifications/{id}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Appeal a mistaken or malicious review (申诉) */
        post: operations["appealRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rectifications/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the rectification */
        post: operations["closeRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rectifications/{id}/follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the follow-up callback */
        post: operations["followUpRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rectifications/{id}/recheck": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-check an appeal (复核): uphold or void the review */
        post: operations["recheckRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rectifications/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rectify (整改) or explain */
        post: operations["resolveRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rectifications/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify the bad review (核实) */
        post: operations["verifyRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rosters/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A day’s roster with each check’s status: a director sees their own checks until the day is over, the whole roster after it; administrators always */
        get: operations["getRoster"];
        put?: never;
        /** Publish a day’s video-check roster (once); with absentDirectorIds, hand only their checks to others */
        post: operations["publishRoster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scorecards/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The month’s window scorecards: score, rank, tier, every deduction with its event (format=csv) */
        get: operations["getScorecards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scorecards/{month}/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The month’s department scorecards (部门考核): time limits shortened, on-time rate, joint approval, rectifications, archive problems; every deduction with its event (format=csv) */
        get: operations["getDepartmentScorecards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scorecards/{month}/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The month’s township center scorecards (乡镇便民服务中心考核), villages rolled up, or each village point (level=village): applications, forwarding, satisfaction, callback reach, inspections (format=csv) */
        get: operations["getSiteScorecards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/site-inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the center’s on-site inspection of a township center or village point (实地检查): one per site and day */
        post: operations["recordSiteInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/site-inspections/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The month’s on-site inspections of grassroots sites, with the items found wanting */
        get: operations["getSiteInspections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** County, township and village sites (三级联动) */
        get: operations["listSites"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sms/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send every message due now (the sender runs each minute; this runs it at once) */
        post: operations["dispatchSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sms/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An SMS reply from the gateway (1–5 or the Chinese word rates the sender’s case; anything else is kept); 202 says nothing of which case */
        post: operations["smsInbound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sms/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The text messages queued on a day, as sent (短信发件箱): template, masked number, text, status */
        get: operations["listSmsOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sms/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delivery receipts (状态报告) from the SMS gateway: each names a message, delivered or failed */
        post: operations["smsReceipts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sms/unmatched": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A day’s SMS replies from numbers no case waits on: the whole number while the county keeps it, masked after */
        get: operations["getUnmatchedSms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff-scores/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each window worker’s month (个人考核): score, deductions with their events, band and allowance (津补贴) — a worker sees their own, a director their window’s (format=csv) */
        get: operations["getStaffScores"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/{id}/attendance/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A worker’s days at the terminal in a month, and the days the hall kept attendance without them, with what each counted day cost */
        get: operations["getAttendance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/{id}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a worker’s approved leave for a day or half day (请假): that time is not counted absent */
        post: operations["recordLeave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats/agency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency figures for a period (代理代办统计): projects served and their investment, permits filed and done, working days per permit, on-time rate, by agent and by site */
        get: operations["getAgencyStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The daily series of a period */
        get: operations["getStatsDaily"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats/joint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Joint approval over a period: working days per case against the serial sum, deemed consents and approvals, by department */
        get: operations["getJointStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats/market": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The marketplace figures for a period (中介超市统计): published, concluded, failed, budgets, awards and the money saved, by service type, and the intermediaries able to compete */
        get: operations["getMarketStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tickets issued, served, no-shows, transfers, wait and service times (average, p90), per window, category and day */
        get: operations["getQueueStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats/satisfaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Satisfaction rate, reviews by level, callbacks, SMS reviews, rectifications; monthly series */
        get: operations["getSatisfaction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The figures a center reports for a period (format=csv for Excel) */
        get: operations["getStatsSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ticket-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ticket categories, their letters and the windows serving them */
        get: operations["listTicketCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a ticket (取号) at a kiosk, a desk, or from an appointment */
        post: operations["issueTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/finish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the service, linking the cases registered during it */
        post: operations["finishTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/no-show": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The visitor did not come (过号): after a recall, or after the county’s minutes */
        post: operations["noShowTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call the ticket again (重呼) */
        post: operations["recallTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Begin serving (开始办理) */
        post: operations["startTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the visitor to another category or window (转移) */
        post: operations["transferTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/video-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a video check by the assigned director (administrators may check off the roster) */
        post: operations["recordVideoCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The windows (窗口), each with its open cases counted by urgency */
        get: operations["listWindows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/windows/{id}/call-next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call the next ticket by the window’s rule (叫号); 204 when nobody waits */
        post: operations["callNext"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/windows/{id}/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the categories a window serves today */
        put: operations["setWindowCategories"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/windows/{id}/display": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a window’s own display shows (窗口屏): the window, and the ticket it called last today with the clerk who called it */
        get: operations["getWindowDisplay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/windows/{id}/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A window’s backlog (窗口队列), most urgent first */
        get: operations["getWindowQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/windows/{id}/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in at the window’s terminal (签到) */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/windows/{id}/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out at the window’s terminal (签退); without a sign-in, the missed sign-in is recorded */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/windows/{id}/ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ticket a window has called or is serving now (a terminal that restarted picks it up again); 204 when none */
        get: operations["getWindowTicket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AgencyStats: {
            averageWorkingDaysPerPermit: number | null;
            byAgent: {
                agentId: string | null;
                investment: number;
                permits: number;
                permitsDone: number;
                projects: number;
            }[];
            bySite: {
                investment: number;
                permits: number;
                permitsDone: number;
                projects: number;
                siteId: string;
            }[];
            /** Format: date */
            from: string;
            investment: number;
            onTimeRate: number | null;
            permits: number;
            permitsDone: number;
            projects: number;
            siteId: string | null;
            /** Format: date */
            to: string;
        };
        AgentWorklist: {
            agentId: string;
            items: {
                case: {
                    caseNo: string;
                    closedDate: string | null;
                    deadline: string | null;
                    outcome: ("approved" | "forwarded" | "denied" | "rejected") | null;
                    reason: string | null;
                } | null;
                critical: boolean;
                due: string | null;
                enterprise: string;
                /** Format: date */
                expectedFinish: string;
                itemCode: string;
                itemName: string;
                /** @enum {string} */
                kind: "overdue" | "stalled" | "target" | "refile" | "file";
                projectId: string;
                projectName: string;
                projectNo: string;
                readySince: string | null;
                stepId: string;
            }[];
            projects: components["schemas"]["ProjectSummary"][];
            /** Format: date */
            today: string;
        };
        Appointment: {
            appointmentId: string;
            category: string;
            code: string;
            /** Format: date */
            date: string;
            slot: string;
            startsAt: string;
        };
        AppointmentCancellation: {
            appointmentId: string;
            category: string;
            /** Format: date */
            date: string;
            slot: string;
            /** @enum {string} */
            status: "booked" | "cancelled" | "checked-in" | "missed";
        };
        AppointmentCategory: {
            code: string;
            name: string;
        };
        AppointmentSlots: {
            category: string;
            closed: ("past" | "not-a-working-day" | "too-far-ahead") | null;
            /** Format: date */
            date: string;
            /** Format: date */
            lastBookableDate: string;
            name: string;
            slots: {
                capacity: number;
                remaining: number;
                slot: string;
                startsAt: string;
            }[];
        };
        AppointmentTicket: {
            ahead: number;
            appointmentAt: string;
            appointmentId: string;
            category: string;
            estimatedWaitMinutes: number;
            number: string;
            ticketId: string;
        };
        ArchiveCheck: {
            caseId: string;
            caseNo: string;
            checked: boolean;
            /** Format: date */
            completedDate: string;
            events: {
                actor: {
                    id: string;
                    /** @enum {string} */
                    role: "clerk" | "director" | "callback" | "admin" | "reviewer" | "agent" | "intermediary" | "owner" | "sms-gateway" | "kiosk" | "rating-device" | "hall-screen" | "system";
                };
                at: string;
                data: {
                    [key: string]: unknown;
                };
                siteId: string | null;
                type: string;
                version: number;
                windowId: string | null;
            }[];
            problems: {
                /** @enum {string} */
                code: "notice-undated" | "step-unsigned" | "step-undated" | "decision-after-deadline" | "materials-incomplete" | "other";
                note: string | null;
            }[];
            windowId: string;
        };
        ArchiveChecks: {
            month: string;
            perWindow: number;
            samples: {
                caseId: string;
                caseNo: string;
                checked: boolean;
                /** Format: date */
                completedDate: string;
                problems: {
                    /** @enum {string} */
                    code: "notice-undated" | "step-unsigned" | "step-undated" | "decision-after-deadline" | "materials-incomplete" | "other";
                    note: string | null;
                }[];
                windowId: string;
            }[];
        };
        AttemptResult: {
            attempt: number;
            caseId: string;
            /** @enum {string} */
            outcome: "reached" | "no-answer" | "wrong-number" | "refused";
            reviewId: string | null;
            settled: boolean;
            version: number;
        };
        AttendanceDay: {
            /** Format: date */
            date: string;
            leave: {
                /** @enum {string} */
                part: "day" | "morning" | "afternoon";
                reason: string;
                v: number;
            }[];
            onDutyAt: string | null;
            records: {
                /** @enum {string} */
                kind: "in" | "out";
                missedSignIn?: boolean;
                time: string;
                v: number;
                windowId: string;
            }[];
            staffId: string;
        };
        AttendanceMonth: {
            days: {
                counted: boolean;
                /** Format: date */
                date: string;
                findings: {
                    detail: string;
                    /** @enum {string} */
                    kind: "late" | "early-leave" | "missed-sign" | "absent-half-day" | "off-post";
                    v: number;
                }[];
                leave: {
                    /** @enum {string} */
                    part: "day" | "morning" | "afternoon";
                    reason: string;
                    v: number;
                }[];
                onDutyAt: string | null;
                records: {
                    /** @enum {string} */
                    kind: "in" | "out";
                    missedSignIn?: boolean;
                    time: string;
                    v: number;
                    windowId: string;
                }[];
                staffId: string;
            }[];
            month: string;
            name: string;
            staffId: string;
            windowId: string;
        };
        CalendarYear: {
            countyHolidays: string[];
            countyWorkdays: string[];
            holidays: string[];
            provisional: boolean;
            /** @enum {string} */
            source: "provisional" | "published" | "amended";
            workdays: string[];
            workingDays: number;
            year: number;
        };
        CallbackList: {
            considered: number;
            /** Format: date */
            coveredFrom: string;
            /** Format: date */
            coveredThrough: string;
            /** Format: date */
            date: string;
            entries: {
                attempts: {
                    /** Format: date */
                    attemptDate: string;
                    /** Format: date */
                    listDate: string;
                    /** @enum {string} */
                    outcome: "reached" | "no-answer" | "wrong-number" | "refused";
                }[];
                caseId: string;
                caseNo: string;
                completedDate: string | null;
                due: string | null;
                earlierAttempts: {
                    /** Format: date */
                    attemptDate: string;
                    /** Format: date */
                    listDate: string;
                    /** @enum {string} */
                    outcome: "reached" | "no-answer" | "wrong-number" | "refused";
                }[];
                itemName: string;
                phone: string;
                /** @enum {string} */
                reason: "bad-review" | "retry" | "sample";
                staffId: string | null;
                windowId: string;
            }[];
            ratio: number;
            sampled: number;
            skipped: {
                noPhone: number;
                optedOut: number;
            };
            staff: string[];
        };
        CallbackListSummary: {
            byStaff: {
                [key: string]: number;
            };
            created: boolean;
            /** Format: date */
            date: string;
            entries: number;
            skipped: {
                noPhone: number;
                optedOut: number;
            };
        };
        CalledTicket: {
            category: string;
            number: string;
            ticketId: string;
            windowId: string;
        };
        Case: {
            acceptedAt: string | null;
            acceptedDate: string | null;
            applicant: {
                idNumber?: string;
                name: string;
                organization?: string;
                phone?: string;
            };
            caseId: string;
            caseNo: string;
            /** @enum {string} */
            channel: "window" | "online" | "township" | "village" | "agent";
            completedAt: string | null;
            deadline: string | null;
            deadlineProvisional: boolean;
            decision: ("approved" | "denied" | "forwarded") | null;
            deliveredAt: string | null;
            deliveryMethod: ("in-person" | "post" | "electronic") | null;
            departmentId: string;
            early: boolean | null;
            item: {
                code: string;
                committedDays: number;
                name: string;
                statutoryDays: number;
                /** @enum {string} */
                type: "immediate" | "commitment" | "joint" | "report-up";
            };
            joint: components["schemas"]["JointReview"] | null;
            materials: string[];
            materialsRequests: number;
            missing: string[] | null;
            onTime: boolean | null;
            project?: {
                projectId: string;
                stepId: string;
            };
            queryCode?: string;
            receivedSiteId: string;
            rejectedAt: string | null;
            rejectionReason: string | null;
            siteId: string;
            /** @enum {string} */
            status: "submitted" | "awaiting-materials" | "accepted" | "suspended" | "rejected" | "completed" | "delivered";
            submittedAt: string;
            suspendedWorkingDays: number;
            suspension: {
                /** @enum {string} */
                procedure: "hearing" | "expert-review" | "inspection" | "testing" | "other";
                reason: string;
                /** Format: date */
                since: string;
            } | null;
            updatedAt: string;
            version: number;
            windowId: string;
        };
        DailySeries: {
            accepted: number;
            commitmentCompleted: number;
            completed: number;
            /** Format: date */
            date: string;
            early: number;
            earlyRate: number | null;
            late: number;
            materialsRequested: number;
            onTime: number;
            onTimeRate: number | null;
            rejected: number;
            submitted: number;
            workingDay: boolean;
        }[];
        DeadLetters: {
            attempts: number;
            parkedAt: string;
            reason: string;
            sequenceNumber: string;
            stream: string;
            type: string;
            version: number;
        }[];
        Department: {
            id: string;
            name: string;
            windows: {
                id: string;
                name: string;
                siteId: string;
            }[];
        };
        DepartmentScorecards: {
            departments: {
                bonus: number;
                committedDays: number;
                completed: number;
                deducted: number;
                deductions: {
                    date: string;
                    detail: string;
                    /** @enum {string} */
                    kind: "late-completion" | "joint-deemed-approval" | "joint-absence" | "overdue-rectification" | "archive-problem";
                    link: string;
                    points: number;
                    ref: {
                        stream: string;
                        version: number;
                    };
                }[];
                departmentId: string;
                items: number;
                name: string;
                onTime: number;
                onTimeRate: number | null;
                rank: number;
                rectificationRate: number | null;
                rectificationsDue: number;
                rectifiedOnTime: number;
                score: number;
                shorteningRate: number | null;
                statutoryDays: number;
                tier: string;
                tierPoints: number;
                windowIds: string[];
            }[];
            month: string;
        };
        Director: {
            id: string;
            name: string;
            windowId: string;
        };
        HallBoard: {
            calls: {
                at: string;
                category: string;
                number: string;
                recall: boolean;
                windowId: string;
                windowName: string;
            }[];
            /** Format: date */
            date: string;
        };
        HallWaiting: {
            categories: {
                code: string;
                estimatedWaitMinutes: number;
                name: string;
                waiting: number;
            }[];
            /** Format: date */
            date: string;
        };
        Intermediary: {
            approvedDate: string | null;
            barred: string | null;
            barredCode: ("pending" | "suspended" | "below-floor") | null;
            contact: {
                name: string;
                phone: string;
            } | null;
            creditCode: string;
            facts: {
                /** Format: date */
                date: string;
                /** @enum {string} */
                kind: "evaluation" | "withdrawn" | "objection-upheld" | "late-completion";
                points?: number;
                projectId: string;
                projectNo: string;
                score?: number;
            }[];
            intermediaryId: string;
            name: string;
            qualifications: {
                certificateNo: string;
                /** Format: date */
                expires: string;
                /** @enum {string} */
                grade: "A" | "B" | "C";
                type: string;
            }[];
            /** Format: date */
            registeredDate: string;
            serviceTypes: string[];
            /** @enum {string} */
            status: "pending" | "approved" | "suspended";
            suspendedUntil: string | null;
            suspensionKind: ("manual" | "evaluations") | null;
            suspensionReason: string | null;
            trust: {
                badEvaluations: number;
                evaluations: number;
                evaluationScore: number;
                floor: number;
                penaltyPoints: number;
                score: number;
            };
            version?: number;
        };
        IssuedTicket: {
            ahead: number;
            category: string;
            estimatedWaitMinutes: number;
            number: string;
            ticketId: string;
        };
        Item: {
            code: string;
            committedDays: number;
            departmentId: string;
            joint: {
                departments: {
                    days: number;
                    departmentId: string;
                    inspects: boolean;
                    materials: string[];
                    windowId?: string;
                }[];
                inspection: boolean;
            } | null;
            materials: {
                code: string;
                name: string;
            }[];
            name: string;
            statutoryDays: number;
            /** @enum {string} */
            type: "immediate" | "commitment" | "joint" | "report-up";
            windowId: string;
        };
        JointInbox: {
            counts: {
                [key: string]: number;
            };
            /** Format: date */
            date: string;
            departmentId: string;
            name: string;
            /** @enum {string} */
            status: "open" | "passed" | "rectify" | "failed" | "deemed-consenting" | "deemed-approving";
            tasks: {
                /** Format: date */
                acceptedDate: string;
                answeredDate: string | null;
                caseId: string;
                caseNo: string;
                clockStopped: boolean;
                days: number;
                /** Format: date */
                deadline: string;
                deadlineProvisional: boolean;
                inspection: {
                    at: string | null;
                    date: string | null;
                    heldDate: string | null;
                    place: string | null;
                };
                inspects: boolean;
                item: {
                    code: string;
                    name: string;
                };
                items: {
                    text: string;
                }[];
                organization: string | null;
                /** @enum {string} */
                status: "open" | "passed" | "rectify" | "failed" | "deemed-consenting" | "deemed-approving";
                /** @enum {string} */
                urgency: "overdue" | "due-today" | "due-soon" | "normal";
                windowId: string;
            }[];
        };
        JointRectification: {
            completedDate: string | null;
            issuedDate: string | null;
            items: {
                departmentId: string;
                text: string;
            }[];
            pending: {
                departmentId: string;
                text: string;
            }[];
            round: number | null;
            rounds: number;
            /** @enum {string} */
            status: "none" | "issued" | "completed";
            stoppedWorkingDays: number | null;
        };
        JointRectificationList: {
            caseId: string;
            caseNo: string;
            completedDate: string | null;
            departments: {
                departmentId: string;
                name: string;
            }[];
            issuedDate: string | null;
            items: {
                departmentId: string;
                text: string;
            }[];
            pending: {
                departmentId: string;
                text: string;
            }[];
            round: number | null;
            rounds: number;
            /** @enum {string} */
            status: "none" | "issued" | "completed";
            stoppedWorkingDays: number | null;
        };
        JointReview: {
            /** Format: date */
            acceptedDate: string;
            inspection: {
                absent: {
                    departmentId: string;
                    justified: boolean;
                    reason: string | null;
                }[];
                at: string | null;
                date: string | null;
                heldDate: string | null;
                place: string | null;
                present: string[];
                required: boolean;
            };
            rectification: components["schemas"]["JointRectification"];
            serialWorkingDays: number;
            tasks: {
                answeredAt: string | null;
                answeredDate: string | null;
                clockStopped: boolean;
                days: number;
                /** Format: date */
                deadline: string;
                deadlineProvisional: boolean;
                departmentId: string;
                inspects: boolean;
                items: {
                    text: string;
                }[];
                materials: string[];
                note: string | null;
                /** @enum {string} */
                status: "open" | "passed" | "rectify" | "failed" | "deemed-consenting" | "deemed-approving";
                stoppedWorkingDays: number;
                windowId: string;
            }[];
        };
        JointStats: {
            approved: number;
            averageWorkingDays: number | null;
            byDepartment: {
                answered: number;
                averageWorkingDaysToAnswer: number | null;
                deemedApprovals: number;
                deemedConsents: number;
                departmentId: string;
                failed: number;
                name: string;
                passed: number;
                rectify: number;
                tasks: number;
            }[];
            cases: number;
            completed: number;
            deemedApprovals: number;
            deemedConsents: number;
            denied: number;
            /** Format: date */
            from: string;
            itemCode: string | null;
            medianWorkingDays: number | null;
            rectificationItems: number;
            rectifications: number;
            serialWorkingDays: number | null;
            /** Format: date */
            to: string;
        };
        JointSweep: {
            considered: number;
            /** Format: date */
            date: string;
            deemed: {
                caseId: string;
                caseNo: string;
                /** Format: date */
                deadline: string;
                departmentId: string;
            }[];
        };
        MarketProject: {
            awardedDate: string | null;
            budget: number;
            completion: {
                /** Format: date */
                completedDate: string;
                daysLate: number;
            } | null;
            contract: {
                amount: number;
                contractNo: string;
                /** Format: date */
                dueDate: string;
                /** Format: date */
                signedDate: string;
            } | null;
            description: string;
            directIntermediaryId: string | null;
            /** Format: date */
            draftedDate: string;
            drawCommitment: string | null;
            evaluation: {
                attitude: number;
                comment: string | null;
                /** Format: date */
                evaluatedDate: string;
                feeCompliance: number;
                intermediaryId: string;
                quality: number;
                score: number;
                timeliness: number;
            } | null;
            failure: {
                /** Format: date */
                failedDate: string;
                minimum: number;
                quotes: number;
                /** @enum {string} */
                reason: "too-few-quotes" | "no-candidates";
            } | null;
            /** @enum {string} */
            method: "lowest-price" | "random-draw" | "comprehensive" | "direct";
            objections: {
                byId: string;
                byRole: string;
                objectionNo: number;
                /** Format: date */
                raisedDate: string;
                resolution: {
                    /** Format: date */
                    resolvedDate: string;
                    text: string;
                    upheld: boolean;
                } | null;
                round: number;
                text: string;
            }[];
            ownerId: string;
            ownerName: string;
            projectId: string;
            projectNo: string;
            publicity: {
                endsAt: string;
                /** Format: date */
                from: string;
                round: number;
                /** Format: date */
                until: string;
            } | null;
            publishedDate: string | null;
            qualification: {
                /** @enum {string} */
                minLevel: "A" | "B" | "C";
                type: string;
            };
            quoteCount: number | null;
            /** Format: date */
            quoteDeadline: string;
            quotes: {
                amount: number;
                /** @enum {string} */
                grade: "A" | "B" | "C";
                intermediaryId: string;
                intermediaryName: string;
                quoteNo: number;
                servicePeriodDays: number;
                submittedAt: string;
            }[];
            quotesCloseAt: string | null;
            savings: number | null;
            sealed: boolean;
            selections: {
                amount: number;
                annulled: {
                    /** Format: date */
                    date: string;
                    /** @enum {string} */
                    reason: "objection-upheld" | "withdrawn";
                } | null;
                evidence: {
                    [key: string]: unknown;
                };
                excluded: {
                    /** @enum {string} */
                    code: "pending" | "suspended" | "below-floor" | "annulled" | "unregistered";
                    intermediaryId: string;
                    reason: string;
                }[];
                intermediaryId: string;
                intermediaryName: string;
                /** @enum {string} */
                method: "lowest-price" | "random-draw" | "comprehensive" | "direct";
                round: number;
                /** Format: date */
                selectedDate: string;
            }[];
            servicePeriodDays: number;
            serviceType: string;
            serviceTypeName: string;
            stateFunded: boolean;
            /** @enum {string} */
            status: "draft" | "published" | "closed" | "failed" | "publicised" | "awarded" | "contracted" | "completed" | "evaluated";
            title: string;
            version?: number;
        };
        MarketRules: {
            directAwardBelowYuan: number;
            minQuotes: number;
            minQuoteWorkingDays: number;
            publicityWorkingDays: number;
            serviceTypes: {
                code: string;
                name: string;
            }[];
            trustFloor: number;
        };
        MarketStats: {
            activeIntermediaries: number;
            awardedTotal: number;
            budgetTotal: number;
            byServiceType: {
                awardedTotal: number;
                budgetTotal: number;
                concluded: number;
                failed: number;
                name: string;
                published: number;
                savings: number;
                savingsRate: number | null;
                serviceType: string;
            }[];
            concluded: number;
            failed: number;
            /** Format: date */
            from: string;
            published: number;
            savings: number;
            savingsRate: number | null;
            serviceType: string | null;
            /** Format: date */
            to: string;
        };
        MarketSweep: {
            closed: {
                failed: boolean;
                projectNo: string;
            }[];
            considered: number;
            ended: string[];
        };
        NoShowSweep: {
            checkedIn: {
                appointmentId: string;
                ticketId: string;
            }[];
            considered: number;
            /** Format: date */
            date: string;
            missed: {
                appointmentId: string;
                category: string;
                slot: string;
            }[];
        };
        Problem: {
            correlationId: string;
            detail?: string;
            errors?: {
                message: string;
                path: string;
            }[];
            instance?: string;
            status: number;
            title: string;
            type: string;
        };
        Project: {
            agentId: string | null;
            blockingStepId: string | null;
            closedDate: string | null;
            criticalPath: string[];
            enterprise: {
                creditCode: string;
                name: string;
            };
            expectedFinish: string | null;
            filings: {
                caseId: string;
                caseNo: string;
                closedAt: string | null;
                closedDate: string | null;
                filedAt: string;
                /** Format: date */
                filedDate: string;
                itemCode: string;
                onTime: boolean | null;
                outcome: ("approved" | "forwarded" | "denied" | "rejected") | null;
                reason: string | null;
                stepId: string;
            }[];
            followUps: {
                at: string;
                blockers: string[];
                by: string;
                followUpNo: number;
                note: string;
            }[];
            investment: number;
            name: string;
            planVersion: number;
            projectId: string;
            projectNo: string;
            /** Format: date */
            registeredDate: string;
            siteId: string;
            siteName: string;
            /** @enum {string} */
            status: "open" | "closed";
            steps: {
                actual: {
                    finish: string | null;
                    start: string | null;
                };
                after: string[];
                blocking: boolean;
                case: {
                    caseId: string;
                    caseNo: string;
                    deadline: string | null;
                    /** Format: date */
                    filedDate: string;
                    status: ("submitted" | "awaiting-materials" | "accepted" | "suspended" | "rejected" | "completed" | "delivered") | null;
                } | null;
                committedDays: number;
                critical: boolean;
                /** Format: date */
                expectedFinish: string;
                filings: number;
                itemCode: string;
                itemName: string;
                planned: {
                    /** Format: date */
                    finish: string;
                    /** Format: date */
                    start: string;
                };
                readySince: string | null;
                stalled: ("overdue" | "untouched") | null;
                /** @enum {string} */
                state: "waiting" | "ready" | "filed" | "done" | "denied" | "stalled";
                stepId: string;
                targetAtRisk: boolean;
                targetDate: string | null;
            }[];
            version: number;
        };
        ProjectSummary: {
            agentId: string | null;
            blockingItemName: string | null;
            blockingStepId: string | null;
            enterprise: string;
            expectedFinish: string | null;
            investment: number;
            name: string;
            projectId: string;
            projectNo: string;
            /** Format: date */
            registeredDate: string;
            siteId: string;
            /** @enum {string} */
            status: "open" | "closed";
            steps: number;
            stepsDone: number;
        };
        PublicMarketProject: {
            budget: number;
            drawCommitment: string | null;
            /** @enum {string} */
            method: "lowest-price" | "random-draw" | "comprehensive" | "direct";
            ownerName: string;
            projectNo: string;
            /** Format: date */
            publishedDate: string;
            qualification: {
                /** @enum {string} */
                minLevel: "A" | "B" | "C";
                type: string;
            };
            /** Format: date */
            quoteDeadline: string;
            quotesCloseAt: string;
            result: {
                amount: number;
                evidence: {
                    [key: string]: unknown;
                };
                intermediaryName: string;
                publicity: {
                    /** Format: date */
                    from: string;
                    /** Format: date */
                    until: string;
                };
                quotes: {
                    amount: number;
                    intermediaryName: string;
                }[];
                savings: number;
                /** Format: date */
                selectedDate: string;
            } | null;
            servicePeriodDays: number;
            serviceType: string;
            serviceTypeName: string;
            /** @enum {string} */
            status: "published" | "publicised" | "concluded";
            title: string;
        };
        PublicProgress: {
            acceptedDate: string | null;
            caseNo: string;
            collection: {
                /** Format: date */
                deliveredDate: string;
                /** @enum {string} */
                method: "in-person" | "post" | "electronic";
            } | null;
            completion: {
                /** Format: date */
                date: string;
                /** @enum {string} */
                decision: "approved" | "denied" | "forwarded";
            } | null;
            deadline: string | null;
            itemName: string;
            /** @enum {string} */
            status: "submitted" | "awaiting-materials" | "accepted" | "suspended" | "rejected" | "completed" | "delivered";
            steps: {
                /** Format: date */
                date: string;
                step: string;
            }[];
        };
        PublicReviewLink: {
            acceptedDate: string | null;
            completedDate: string | null;
            itemName: string;
            rated: boolean;
        };
        PublicReviewResult: {
            /** @enum {string} */
            level: "very-satisfied" | "satisfied" | "basically-satisfied" | "dissatisfied" | "very-dissatisfied";
            /** @constant */
            rated: true;
        };
        PublishedRoster: {
            absent: string[];
            /** Format: date */
            date: string;
            entries: {
                at: string;
                checkId: string | null;
                directorId: string;
                directorWindowId: string;
                /** @enum {string} */
                status: "checked" | "missed" | "due" | "upcoming";
                windowId: string;
            }[];
            offRoster: {
                checkedAt: string;
                checkId: string;
                directorId: string;
                windowId: string;
            }[];
            /** @enum {string} */
            status: "published" | "revised" | "unchanged";
        };
        QueueStats: {
            averageServiceMinutes: number | null;
            averageWaitMinutes: number | null;
            byCategory: {
                averageServiceMinutes: number | null;
                averageWaitMinutes: number | null;
                called: number;
                category: string;
                issued: number;
                noShows: number;
                p90ServiceMinutes: number | null;
                p90WaitMinutes: number | null;
                served: number;
                transfers: number;
            }[];
            byDay: {
                averageServiceMinutes: number | null;
                averageWaitMinutes: number | null;
                called: number;
                /** Format: date */
                date: string;
                issued: number;
                noShows: number;
                p90ServiceMinutes: number | null;
                p90WaitMinutes: number | null;
                served: number;
                transfers: number;
            }[];
            byWindow: {
                averageServiceMinutes: number | null;
                averageWaitMinutes: number | null;
                called: number;
                noShows: number;
                p90ServiceMinutes: number | null;
                p90WaitMinutes: number | null;
                served: number;
                transfers: number;
                windowId: string;
            }[];
            called: number;
            /** Format: date */
            from: string;
            issued: number;
            noShows: number;
            p90ServiceMinutes: number | null;
            p90WaitMinutes: number | null;
            served: number;
            /** Format: date */
            to: string;
            transfers: number;
        };
        Rectification: {
            /** Format: date */
            callbackDue: string;
            calledBackDate: string | null;
            caseId: string;
            caseNo: string;
            closedDate: string | null;
            finding: ("confirmed" | "mistaken" | "malicious") | null;
            itemName: string;
            /** @enum {string} */
            level: "very-satisfied" | "satisfied" | "basically-satisfied" | "dissatisfied" | "very-dissatisfied";
            /** Format: date */
            openedDate: string;
            recheck: ("upheld" | "voided") | null;
            recheckedDate: string | null;
            rectificationId: string;
            resolvedHow: ("rectified" | "explained") | null;
            /** Format: date */
            resolveDue: string;
            /** @enum {string} */
            status: "opened" | "verified" | "appealed" | "resolved" | "followed-up" | "closed" | "voided";
            warnings: ("callback-overdue" | "resolution-overdue")[];
            windowId: string;
        };
        ReviewResult: {
            bad: boolean;
            caseId: string;
            /** @enum {string} */
            level: "very-satisfied" | "satisfied" | "basically-satisfied" | "dissatisfied" | "very-dissatisfied";
            rectificationId: string | null;
            reviewId: string;
            version: number;
        };
        Roster: {
            absent: string[];
            /** Format: date */
            date: string;
            entries: {
                at: string;
                checkId: string | null;
                directorId: string;
                directorWindowId: string;
                /** @enum {string} */
                status: "checked" | "missed" | "due" | "upcoming";
                windowId: string;
            }[];
            offRoster: {
                checkedAt: string;
                checkId: string;
                directorId: string;
                windowId: string;
            }[];
        };
        SatisfactionStats: {
            averageScore: number | null;
            badReviews: number;
            byLevel: {
                [key: string]: number;
            };
            callbackAttempts: number;
            /** Format: date */
            from: string;
            monthly: {
                badReviews: number;
                month: string;
                reviews: number;
                satisfactionRate: number | null;
            }[];
            rectifications: {
                closed: number;
                open: number;
                overdue: number;
            };
            reviews: number;
            satisfactionRate: number | null;
            smsReviews: number;
            smsUnparsed: number;
            /** Format: date */
            to: string;
            validCallbacks: number;
            windows: {
                badReviews: number;
                name: string;
                reviews: number;
                satisfactionRate: number | null;
                windowId: string;
            }[];
        };
        Scorecards: {
            month: string;
            windows: {
                bonus: number;
                bonuses: {
                    kind: string;
                    points: number;
                }[];
                deducted: number;
                deductions: {
                    date: string;
                    detail: string;
                    /** @enum {string} */
                    kind: "video-check" | "archive-problem" | "bad-review" | "late-completion" | "joint-deemed-approval" | "joint-absence";
                    link: string;
                    points: number;
                    ref: {
                        stream: string;
                        version: number;
                    };
                }[];
                name: string;
                rank: number;
                score: number;
                tier: string;
                tierPoints: number;
                windowId: string;
            }[];
        };
        Site: {
            id: string;
            /** @enum {string} */
            level: "county" | "township" | "village";
            name: string;
            parentId: string | null;
        };
        SiteInspection: {
            /** Format: date */
            date: string;
            failed: string[];
            inspectorId: string;
            items: {
                agentOnDuty: boolean;
                catalogueDisplayed: boolean;
                hoursKept: boolean;
                ratingDeviceInUse: boolean;
                signage: boolean;
                staffPresent: boolean;
            };
            note: string | null;
            siteId: string;
        };
        SiteInspections: {
            inspections: components["schemas"]["SiteInspection"][];
            month: string;
        };
        SiteScorecards: {
            /** @enum {string} */
            level: "township" | "village";
            month: string;
            sites: {
                badReviews: number;
                bonus: number;
                callbackAttempts: number;
                callbackReach: number | null;
                deducted: number;
                deductions: {
                    date: string;
                    detail: string;
                    /** @enum {string} */
                    kind: "late-forwarding" | "bad-review" | "wrong-number" | "inspection";
                    link: string;
                    points: number;
                    ref: {
                        stream: string;
                        version: number;
                    };
                }[];
                forwarded: number;
                forwardedOnTime: number;
                forwardingRate: number | null;
                inspections: number;
                name: string;
                rank: number;
                reviews: number;
                satisfactionRate: number | null;
                score: number;
                siteId: string;
                sites: string[];
                submitted: number;
                tier: string;
                tierPoints: number;
                validCallbacks: number;
            }[];
        };
        SmsDispatch: {
            considered: number;
            dead: number;
            failed: number;
            retried: number;
            sent: number;
            skipped: number;
        };
        SmsMessage: {
            attempts: number;
            deliveredAt: string | null;
            dueAt: string;
            /** @enum {string} */
            kind: "materials-requested" | "accepted" | "rejected" | "suspended" | "resumed" | "completed" | "delivered" | "online-received" | "rating-invitation" | "appointment-booked" | "appointment-reminder" | "appointment-cancelled";
            lastError: string | null;
            messageId: string;
            phone: string | null;
            queuedAt: string;
            sentAt: string | null;
            /** @enum {string} */
            status: "pending" | "sending" | "retry" | "sent" | "delivered" | "failed" | "dead" | "skipped";
            templateCode: string | null;
            text: string | null;
        };
        SmsOutbox: {
            /** Format: date */
            date: string;
            messages: components["schemas"]["SmsMessage"][];
        };
        SmsReceipts: {
            recorded: number;
            unknown: number;
        };
        SmsResult: {
            /** @constant */
            received: true;
        };
        StaffScores: {
            allowanceTotal: number;
            daysKept: string[];
            month: string;
            staff: {
                allowance: number;
                badgeNo: string;
                badReviews: number;
                band: string;
                completed: number;
                daysKept: number;
                deducted: number;
                deductions: {
                    date: string;
                    detail: string;
                    /** @enum {string} */
                    kind: "late" | "early-leave" | "missed-sign" | "absent-half-day" | "off-post" | "video-check" | "late-completion" | "bad-review" | "archive-problem";
                    link: string;
                    points: number;
                    ref: {
                        stream: string;
                        version: number;
                    };
                }[];
                name: string;
                onTime: number;
                onTimeRate: number | null;
                rank: number;
                score: number;
                staffId: string;
                windowId: string;
            }[];
        };
        StatsSummary: {
            accepted: number;
            byChannel: {
                [key: string]: number;
            };
            bySiteLevel: {
                county: number;
                township: number;
                village: number;
            };
            commitmentCompleted: number;
            completed: number;
            completedPerWorkingDay: number | null;
            departments: {
                accepted: number;
                commitmentCompleted: number;
                completed: number;
                departmentId: string;
                early: number;
                earlyRate: number | null;
                late: number;
                materialsRequested: number;
                name: string;
                onTime: number;
                onTimeRate: number | null;
                rejected: number;
                submitted: number;
            }[];
            early: number;
            earlyRate: number | null;
            filter: {
                departmentId?: string;
                siteId?: string;
                windowId?: string;
            };
            /** Format: date */
            from: string;
            grassroots: number;
            late: number;
            materialsRequested: number;
            online: number;
            onTime: number;
            onTimeRate: number | null;
            queue: {
                averageServiceMinutes: number | null;
                averageWaitMinutes: number | null;
                called: number;
                issued: number;
                noShows: number;
                p90ServiceMinutes: number | null;
                p90WaitMinutes: number | null;
                served: number;
                transfers: number;
            };
            rejected: number;
            satisfaction: {
                badReviews: number;
                callbackAttempts: number;
                reviews: number;
                satisfactionRate: number | null;
                smsReviews: number;
                validCallbacks: number;
            };
            submitted: number;
            /** Format: date */
            to: string;
            windows: {
                accepted: number;
                commitmentCompleted: number;
                completed: number;
                departmentId: string;
                early: number;
                earlyRate: number | null;
                late: number;
                materialsRequested: number;
                name: string;
                onTime: number;
                onTimeRate: number | null;
                rejected: number;
                submitted: number;
                windowId: string;
            }[];
            workingDays: number;
        };
        Ticket: {
            calledAt: string | null;
            caseIds: string[];
            category: string;
            finishedAt: string | null;
            forWindowId: string | null;
            issuedAt: string;
            number: string;
            /** @enum {string} */
            priority: "normal" | "priority";
            recalls: number;
            startedAt: string | null;
            /** @enum {string} */
            status: "waiting" | "called" | "serving" | "finished" | "no-show";
            ticketId: string;
            transfers: number;
            version: number;
            windowId: string | null;
        };
        TicketCategory: {
            code: string;
            name: string;
            windowIds: string[];
        };
        Timeline: {
            caseId: string;
            caseNo: string;
            events: {
                actor: {
                    id: string;
                    /** @enum {string} */
                    role: "clerk" | "director" | "callback" | "admin" | "reviewer" | "agent" | "intermediary" | "owner" | "sms-gateway" | "kiosk" | "rating-device" | "hall-screen" | "system";
                };
                at: string;
                data: {
                    [key: string]: unknown;
                };
                siteId: string | null;
                type: string;
                version: number;
                windowId: string | null;
            }[];
            messages: components["schemas"]["SmsMessage"][];
        };
        UnmatchedSms: {
            /** Format: date */
            date: string;
            replies: {
                phone: string;
                receivedAt: string;
                text: string;
            }[];
        };
        VideoCheck: {
            checkedAt: string;
            /** Format: date */
            checkedDate: string;
            checkId: string;
            directorId: string;
            evidenceRef: string | null;
            items: {
                [key: string]: boolean;
            };
            note: string | null;
            offRoster: boolean;
            windowId: string;
        };
        WaitingList: {
            category: string | null;
            /** Format: date */
            date: string;
            entries: {
                ahead: number;
                appointmentAt: string | null;
                issuedAt: string;
                number: string;
                /** @enum {string} */
                priority: "normal" | "priority";
                ticketId: string;
                waitingMinutes: number;
            }[];
            waiting: number;
            windowId: string | null;
        };
        WindowCategories: {
            categories: string[];
            /** Format: date */
            date: string;
            windowId: string;
        };
        WindowDisplay: {
            /** Format: date */
            date: string;
            departmentName: string;
            ticket: {
                at: string;
                calledAt: string;
                caseIds: string[];
                category: string;
                number: string;
                servedBy: {
                    badgeNo: string | null;
                    name: string;
                } | null;
                /** @enum {string} */
                status: "called" | "serving" | "finished" | "no-show" | "transferred";
                ticketId: string;
            } | null;
            windowId: string;
            windowName: string;
        };
        WindowQueue: {
            counts: {
                "due-soon": number;
                "due-today": number;
                normal: number;
                overdue: number;
            };
            entries: {
                acceptedDate: string | null;
                caseId: string;
                caseNo: string;
                /** @enum {string} */
                channel: "window" | "online" | "township" | "village" | "agent";
                clockStopped: boolean;
                deadline: string | null;
                deadlineProvisional: boolean;
                item: {
                    code: string;
                    committedDays: number;
                    name: string;
                    /** @enum {string} */
                    type: "immediate" | "commitment" | "joint" | "report-up";
                };
                missing: string[] | null;
                receivedSiteId: string;
                siteId: string;
                /** @enum {string} */
                status: "submitted" | "awaiting-materials" | "accepted" | "suspended" | "rejected" | "completed" | "delivered";
                submittedAt: string;
                /** @enum {string} */
                urgency: "overdue" | "due-today" | "due-soon" | "normal";
            }[];
            /** Format: date */
            today: string;
            total: number;
            windowId: string;
        };
        WindowWithCounts: {
            counts: {
                "due-soon": number;
                "due-today": number;
                normal: number;
                overdue: number;
            };
            departmentId: string;
            id: string;
            name: string;
            open: number;
            siteId: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAgentWorklist: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentWorklist"];
                };
            };
        };
    };
    checkInAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentTicket"];
                };
            };
        };
    };
    sweepAppointmentNoShows: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoShowSweep"];
                };
            };
        };
    };
    getArchiveChecks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArchiveChecks"];
                };
            };
        };
    };
    drawArchiveChecks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArchiveChecks"];
                };
            };
        };
    };
    getArchiveCheck: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArchiveCheck"];
                };
            };
        };
    };
    recordArchiveCheck: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
                month: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    problems: {
                        /** @enum {string} */
                        code: "notice-undated" | "step-unsigned" | "step-undated" | "decision-after-deadline" | "materials-incomplete" | "other";
                        note?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        caseNo: string;
                        checked: boolean;
                        /** Format: date */
                        completedDate: string;
                        problems: {
                            /** @enum {string} */
                            code: "notice-undated" | "step-unsigned" | "step-undated" | "decision-after-deadline" | "materials-incomplete" | "other";
                            note: string | null;
                        }[];
                        windowId: string;
                    };
                };
            };
        };
    };
    getCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYear"];
                };
            };
        };
    };
    amendCalendarYear: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    holidays: string[];
                    note?: string;
                    workdays: string[];
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYear"];
                };
            };
        };
    };
    getCallbacks: {
        parameters: {
            query: {
                date: string;
                format?: "json" | "csv";
                staff?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackList"];
                };
            };
        };
    };
    recordCallbackAttempt: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    answers?: {
                        attitude?: boolean;
                        integrity?: boolean;
                        oneTimeNotice?: boolean;
                        speed?: boolean;
                        timeLimit?: boolean;
                    };
                    /** @description the terminal’s id for this attempt: sent again, it is recorded once */
                    attemptId?: string;
                    comment?: string;
                    /** @enum {string} */
                    level?: "very-satisfied" | "satisfied" | "basically-satisfied" | "dissatisfied" | "very-dissatisfied";
                    /** @enum {string} */
                    outcome: "reached" | "no-answer" | "wrong-number" | "refused";
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptResult"];
                };
            };
        };
    };
    buildCallbackList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    staff?: string[];
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackListSummary"];
                };
            };
        };
    };
    submitCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    applicant: {
                        idNumber?: string;
                        name: string;
                        optOut?: boolean;
                        organization?: string;
                        phone?: string;
                    };
                    /** @enum {string} */
                    channel: "window" | "online" | "township" | "village" | "agent";
                    itemCode: string;
                    materials: string[];
                    /** @description an agency project (代办项目): the case files its step `stepId` (channel `agent`) */
                    projectId?: string;
                    siteId?: string;
                    stepId?: string;
                    windowId?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    acceptCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    completeCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "approved" | "denied" | "forwarded";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    deliverCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    method: "in-person" | "post" | "electronic";
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    getCaseEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Timeline"];
                };
            };
        };
    };
    scheduleJointInspection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    at: string;
                    place: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    recordJointInspection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    absent: {
                        departmentId: string;
                        justified: boolean;
                        reason?: string;
                    }[];
                    present: string[];
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    giveDepartmentOpinion: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    departmentId: string;
                    items?: {
                        text: string;
                    }[];
                    note?: string;
                    /** @enum {string} */
                    result: "pass" | "rectify" | "fail";
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    getJointRectification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JointRectificationList"];
                };
            };
        };
    };
    issueJointRectification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    completeJointRectification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    rejectCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    requestMaterials: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    missing: string[];
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    resumeCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    reviewCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "window-device" | "online" | "hotline";
                    /** @enum {string} */
                    level: "very-satisfied" | "satisfied" | "basically-satisfied" | "dissatisfied" | "very-dissatisfied";
                    /** @description the device’s own id for this rating: sent again (after a lost answer), it is recorded once */
                    reviewId?: string;
                    tags?: string[];
                    text?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewResult"];
                };
            };
        };
    };
    supplyMaterials: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    materials: string[];
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    suspendCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    procedure: "hearing" | "expert-review" | "inspection" | "testing" | "other";
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    transferCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    siteId?: string;
                    windowId: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    listDeadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetters"];
                };
            };
        };
    };
    listDepartments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"][];
                };
            };
        };
    };
    listJointTasks: {
        parameters: {
            query?: {
                status?: "open" | "passed" | "rectify" | "failed" | "deemed-consenting" | "deemed-approving";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JointInbox"];
                };
            };
        };
    };
    listDirectors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Director"][];
                };
            };
        };
    };
    getHallBoard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HallBoard"];
                };
            };
        };
    };
    getHallWaiting: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HallWaiting"];
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        county: string;
                        /** @constant */
                        status: "ok";
                        time: string;
                    };
                };
            };
        };
    };
    listIntermediaries: {
        parameters: {
            query?: {
                serviceType?: string;
                status?: "pending" | "approved" | "suspended";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Intermediary"][];
                };
            };
        };
    };
    registerIntermediary: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    contact: {
                        name: string;
                        phone: string;
                    };
                    /** @description 统一社会信用代码 (GB 32100-2015), with its check character */
                    creditCode: string;
                    name: string;
                    qualifications: {
                        certificateNo: string;
                        /**
                         * Format: date
                         * @description the last day the certificate is valid
                         */
                        expires: string;
                        /**
                         * @description 资质等级: A 甲级, B 乙级, C 丙级 (A is the highest)
                         * @enum {string}
                         */
                        grade: "A" | "B" | "C";
                        type: string;
                    }[];
                    serviceTypes: string[];
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Intermediary"];
                };
            };
        };
    };
    getIntermediary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Intermediary"];
                };
            };
        };
    };
    approveIntermediary: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Intermediary"];
                };
            };
        };
    };
    updateIntermediaryQualifications: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    qualifications: {
                        certificateNo: string;
                        /**
                         * Format: date
                         * @description the last day the certificate is valid
                         */
                        expires: string;
                        /**
                         * @description 资质等级: A 甲级, B 乙级, C 丙级 (A is the highest)
                         * @enum {string}
                         */
                        grade: "A" | "B" | "C";
                        type: string;
                    }[];
                    serviceTypes: string[];
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Intermediary"];
                };
            };
        };
    };
    reinstateIntermediary: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Intermediary"];
                };
            };
        };
    };
    suspendIntermediary: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason: string;
                    /**
                     * Format: date
                     * @description the last day of the suspension; left out: until reinstated
                     */
                    until?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Intermediary"];
                };
            };
        };
    };
    listItems: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Item"][];
                };
            };
        };
    };
    getItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Item"];
                };
            };
        };
    };
    sweepJointDeadlines: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JointSweep"];
                };
            };
        };
    };
    sweepMarketDeadlines: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketSweep"];
                };
            };
        };
    };
    listMarketProjects: {
        parameters: {
            query?: {
                serviceType?: string;
                status?: "draft" | "published" | "closed" | "failed" | "publicised" | "awarded" | "contracted" | "completed" | "evaluated";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketProject"][];
                };
            };
        };
    };
    draftMarketProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description yuan (元), whole */
                    budget: number;
                    /** @default  */
                    description?: string;
                    directIntermediaryId?: string;
                    /**
                     * @description lowest-price 最低价, random-draw 随机抽取, comprehensive 综合比选, direct 直接委托 (below the county’s threshold)
                     * @enum {string}
                     */
                    method: "lowest-price" | "random-draw" | "comprehensive" | "direct";
                    /** @description the owner unit (业主单位): an owner’s own when left out; an administrator names it */
                    ownerId?: string;
                    ownerName: string;
                    qualification: {
                        /**
                         * @description 资质等级: A 甲级, B 乙级, C 丙级 (A is the highest)
                         * @enum {string}
                         */
                        minLevel: "A" | "B" | "C";
                        type: string;
                    };
                    /**
                     * Format: date
                     * @description a working day: quoting closes at the hall’s closing time on it
                     */
                    quoteDeadline: string;
                    servicePeriodDays: number;
                    serviceType: string;
                    stateFunded: boolean;
                    title: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketProject"];
                };
            };
        };
    };
    getMarketProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketProject"];
                };
            };
        };
    };
    completeMarketService: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date */
                    completedDate: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketProject"];
                };
            };
        };
    };
    signMarketContract: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    contractNo: string;
                    /** Format: date */
                    signedDate: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketProject"];
                };
            };
        };
    };
    evaluateIntermediary: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    attitude: number;
                    comment?: string;
                    feeCompliance: number;
                    quality: number;
                    timeliness: number;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketProject"];
                };
            };
        };
    };
    raiseObjection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description an administrator recording an intermediary’s objection names it */
                    intermediaryId?: string;
                    text: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketProject"];
                };
            };
        };
    };
    resolveObjection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    resolution: string;
                    upheld: boolean;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketProject"];
                };
            };
        };
    };
    publishMarketProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description a new deadline, when the draft’s has come too close
                     */
                    quoteDeadline?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketProject"];
                };
            };
        };
    };
    submitQuote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description yuan (元), whole */
                    amount: number;
                    servicePeriodDays: number;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketProject"];
                };
            };
        };
    };
    selectIntermediary: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description comprehensive scoring (综合比选): the panel’s score (0–100) of every qualified quote, by intermediary id */
                    scores?: {
                        [key: string]: number;
                    };
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketProject"];
                };
            };
        };
    };
    withdrawAward: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketProject"];
                };
            };
        };
    };
    listMarketServiceTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketRules"];
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        info: {
                            title: string;
                            version: string;
                        };
                        openapi: string;
                        paths: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listProjects: {
        parameters: {
            query?: {
                siteId?: string;
                status?: "open" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectSummary"][];
                };
            };
        };
    };
    registerProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    enterprise: {
                        /** @description 统一社会信用代码 (GB 32100-2015), with its check character */
                        creditCode: string;
                        name: string;
                    };
                    /** @description 万元 (ten thousand yuan) */
                    investment: number;
                    name: string;
                    /** @description the park or township (site) the project is at; an agent’s own site when left out */
                    siteId?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
        };
    };
    assignProjectAgent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    agentId: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
        };
    };
    closeProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
        };
    };
    recordProjectFollowUp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    at: string;
                    blockers?: string[];
                    note: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
        };
    };
    setProjectPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    steps: {
                        /** @default [] */
                        after?: string[];
                        itemCode: string;
                        stepId: string;
                        /** Format: date */
                        targetDate?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
        };
    };
    bookAppointment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    category: string;
                    /** Format: date */
                    date: string;
                    name: string;
                    phone: string;
                    slot: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
        };
    };
    cancelAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentCancellation"];
                };
            };
        };
    };
    listAppointmentCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentCategory"][];
                };
            };
        };
    };
    getAppointmentSlots: {
        parameters: {
            query: {
                category: string;
                date: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentSlots"];
                };
            };
        };
    };
    listPublicMarketProjects: {
        parameters: {
            query?: {
                status?: "published" | "publicised" | "concluded";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicMarketProject"][];
                };
            };
        };
    };
    getPublicProgress: {
        parameters: {
            query: {
                caseNo: string;
                code: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProgress"];
                };
            };
        };
    };
    getPublicReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicReviewLink"];
                };
            };
        };
    };
    postPublicReview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    comment?: string;
                    /** @enum {string} */
                    level: "very-satisfied" | "satisfied" | "basically-satisfied" | "dissatisfied" | "very-dissatisfied";
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicReviewResult"];
                };
            };
        };
    };
    getQueue: {
        parameters: {
            query?: {
                category?: string;
                windowId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitingList"];
                };
            };
        };
    };
    listRectifications: {
        parameters: {
            query?: {
                month?: string;
                status?: "opened" | "verified" | "appealed" | "resolved" | "followed-up" | "closed" | "voided" | "open";
                windowId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rectification"][];
                };
            };
        };
    };
    appealRectification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rectification"];
                };
            };
        };
    };
    closeRectification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rectification"];
                };
            };
        };
    };
    followUpRectification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    note?: string;
                    satisfied: boolean;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rectification"];
                };
            };
        };
    };
    recheckRectification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    note?: string;
                    /** @enum {string} */
                    result: "upheld" | "voided";
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rectification"];
                };
            };
        };
    };
    resolveRectification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    how: "rectified" | "explained";
                    note: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rectification"];
                };
            };
        };
    };
    verifyRectification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    finding: "confirmed" | "mistaken" | "malicious";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rectification"];
                };
            };
        };
    };
    getRoster: {
        parameters: {
            query?: {
                director?: string;
            };
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Roster"];
                };
            };
        };
    };
    publishRoster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    absentDirectorIds?: string[];
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedRoster"];
                };
            };
        };
    };
    getScorecards: {
        parameters: {
            query?: {
                format?: "json" | "csv";
                windowId?: string;
            };
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scorecards"];
                };
            };
        };
    };
    getDepartmentScorecards: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentScorecards"];
                };
            };
        };
    };
    getSiteScorecards: {
        parameters: {
            query?: {
                format?: "json" | "csv";
                level?: "township" | "village";
            };
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteScorecards"];
                };
            };
        };
    };
    recordSiteInspection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date */
                    date: string;
                    items: {
                        agentOnDuty: boolean;
                        catalogueDisplayed: boolean;
                        hoursKept: boolean;
                        ratingDeviceInUse: boolean;
                        signage: boolean;
                        staffPresent: boolean;
                    };
                    note?: string;
                    siteId: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteInspection"];
                };
            };
        };
    };
    getSiteInspections: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteInspections"];
                };
            };
        };
    };
    listSites: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Site"][];
                };
            };
        };
    };
    dispatchSms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsDispatch"];
                };
            };
        };
    };
    smsInbound: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    from: string;
                    /** @description the gateway’s id of the message: delivered again, it is taken once */
                    messageId?: string;
                    /** Format: date-time */
                    receivedAt?: string;
                    text: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsResult"];
                };
            };
        };
    };
    listSmsOutbox: {
        parameters: {
            query?: {
                date?: string;
                status?: "pending" | "sending" | "retry" | "sent" | "delivered" | "failed" | "dead" | "skipped";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsOutbox"];
                };
            };
        };
    };
    smsReceipts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    receipts: {
                        /** Format: date-time */
                        at: string;
                        /** @description the provider’s error code for a failed delivery */
                        code?: string;
                        /** @description ours, as sent in OutId (Alibaba) or SessionContext (Tencent) */
                        messageId?: string;
                        /** @description the provider’s (BizId, SerialNo) */
                        providerMessageId?: string;
                        /** @enum {string} */
                        status: "delivered" | "failed";
                    }[];
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsReceipts"];
                };
            };
        };
    };
    getUnmatchedSms: {
        parameters: {
            query: {
                date: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnmatchedSms"];
                };
            };
        };
    };
    getStaffScores: {
        parameters: {
            query?: {
                format?: "json" | "csv";
                windowId?: string;
            };
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffScores"];
                };
            };
        };
    };
    getAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendanceMonth"];
                };
            };
        };
    };
    recordLeave: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date */
                    date: string;
                    /** @enum {string} */
                    part: "day" | "morning" | "afternoon";
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendanceDay"];
                };
            };
        };
    };
    getAgencyStats: {
        parameters: {
            query: {
                from: string;
                siteId?: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyStats"];
                };
            };
        };
    };
    getStatsDaily: {
        parameters: {
            query: {
                departmentId?: string;
                from: string;
                siteId?: string;
                to: string;
                windowId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DailySeries"];
                };
            };
        };
    };
    getJointStats: {
        parameters: {
            query: {
                from: string;
                itemCode?: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JointStats"];
                };
            };
        };
    };
    getMarketStats: {
        parameters: {
            query: {
                from: string;
                serviceType?: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketStats"];
                };
            };
        };
    };
    getQueueStats: {
        parameters: {
            query: {
                category?: string;
                from: string;
                to: string;
                windowId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueStats"];
                };
            };
        };
    };
    getSatisfaction: {
        parameters: {
            query: {
                channel?: "window-device" | "sms" | "online" | "callback" | "hotline" | "default";
                departmentId?: string;
                from: string;
                siteId?: string;
                to: string;
                windowId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SatisfactionStats"];
                };
            };
        };
    };
    getStatsSummary: {
        parameters: {
            query: {
                departmentId?: string;
                format?: "json" | "csv";
                from: string;
                siteId?: string;
                to: string;
                windowId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatsSummary"];
                };
            };
        };
    };
    listTicketCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketCategory"][];
                };
            };
        };
    };
    issueTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    appointmentAt?: string;
                    appointmentId?: string;
                    category: string;
                    /** @enum {string} */
                    priority?: "normal" | "priority";
                    /** @enum {string} */
                    source?: "kiosk" | "desk";
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedTicket"];
                };
            };
        };
    };
    finishTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    caseIds?: string[];
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    noShowTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    recallTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    startTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    transferTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    category?: string;
                    /** @description the window the visitor is sent to */
                    windowId?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    recordVideoCheck: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    checkedAt: string;
                    evidenceRef?: string;
                    items: {
                        atPost: boolean;
                        coverArranged?: boolean;
                        deskTidy: boolean;
                        noChatting: boolean;
                        noEating: boolean;
                        noPhone: boolean;
                        noSleeping: boolean;
                        punctual: boolean;
                        ratingDeviceInUse: boolean;
                        uniformAndBadge: boolean;
                    };
                    note?: string;
                    /** Format: date */
                    rosterDate: string;
                    windowId: string;
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoCheck"];
                };
            };
        };
    };
    listWindows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowWithCounts"][];
                };
            };
        };
    };
    callNext: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalledTicket"];
                };
            };
        };
    };
    setWindowCategories: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    categories: string[];
                };
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowCategories"];
                };
            };
        };
    };
    getWindowDisplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowDisplay"];
                };
            };
        };
    };
    getWindowQueue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowQueue"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendanceDay"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key returns the first response and changes nothing. */
                "Idempotency-Key"?: string;
                /** @description The version the client last saw; 412 if the case has moved on. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendanceDay"];
                };
            };
        };
    };
    getWindowTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused; nothing was written */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault or a busy database (503 carries Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
}
