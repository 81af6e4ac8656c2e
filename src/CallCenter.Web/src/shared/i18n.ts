// User-facing words in Chinese and English; the choice is remembered per browser.
const words = {
  zh: {
    title: "12366 呼叫中心", wallboard: "监控墙", agent: "座席工作台", signIn: "登录", signOut: "退出", user: "用户名",
    password: "密码", badLogin: "用户名或密码不正确", tooManySignIns: "登录尝试过多或系统繁忙，请稍后再试", queues: "队列", seats: "座席", alerts: "告警", noAlerts: "暂无告警",
    noSeats: "尚未配置座席", noQueues: "尚未配置队列", waiting: "排队", longest: "最长等待", serviceLevel: "服务水平",
    abandoned: "放弃", available: "空闲座席", acknowledge: "确认", note: "备注", allDepartments: "全部科室",
    allQueues: "全部队列", allStates: "全部状态", wall: "大屏模式", language: "English", phoneOffline: "话机离线",
    remote: "远程", calls: "今日接听", connected: "已连接", reconnecting: "正在重新连接…", seat: "座席号",
    login: "签入", ready: "就绪", notReady: "示忙", logout: "签出", reason: "原因", currentCall: "当前通话",
    monitored: "班长正在监听", state: "状态", acknowledged: "已确认", messages: "班长消息", sendMessage: "发送给该座席的消息：",
    byState: "座席状态", sl15: "近15分钟", aht: "平均处理时长", recentAbandoned: "最近放弃",
    dutyToday: "今日带班", noDuty: "今日无带班安排", dutyCheckedIn: "已到岗", dutyLate: "迟到", dutyOvertime: "超时",
    dutyExpected: "待签到", dutyScheduled: "未开始", dutyCheckedOut: "已签退", dutyNoShow: "未到岗", dutyMissed: "缺岗",
    dutyCancelled: "已取消", duty: "带班", roster: "排班", myShifts: "我的班次", checkIn: "签到", checkOut: "签退",
    handoverNotes: "交接说明", openMatters: "未结事项（每行一项）", previousHandover: "上一班交接", notices: "通知",
    noShifts: "近期没有您的班次", askSwap: "申请换班", colleague: "同事用户名", accept: "同意", decline: "拒绝",
    approve: "批准换班", backupRole: "备岗", officerRole: "值班", activeShift: "当前班次", swapPending: "换班申请",
    rotation: "轮值表", generate: "生成排班", publish: "发布", from: "开始日期", to: "结束日期", draft: "草稿",
    published: "已发布", department: "科室", officer: "值班人员", backup: "备岗人员", edit: "修改", problems: "问题",
    definition: "轮值定义（JSON）", save: "保存", load: "读取", exportCsv: "导出 CSV", exportIcs: "导出日历 (iCal)",
    editReason: "修改原因：", newOfficer: "新的值班人员用户名：", noRoster: "该期间没有排班", saved: "已保存",
    subscribe: "日历订阅", feedLink: "获取我的日历订阅地址", quality: "质检得分",
    workbench: "质检工作台", myQueue: "待评分通话", noAssigned: "暂无分配的通话", submitted: "已提交", due: "截止",
    formVersion: "评分表版本", play: "播放", pause: "暂停", speed: "倍速", skipSilence: "跳过静音", total: "总分",
    criticalFail: "一票否决", submit: "提交", yes: "是", no: "否", notApplicable: "不适用", comment: "评语",
    stamp: "插入当前时间", stampShort: "时间点", myEvaluations: "我的质检", acknowledgeEvaluation: "确认",
    dispute: "申诉", disputeReason: "申诉理由：", disputeBy: "申诉截止", liveScoring: "班长正在实时评分",
    myTasks: "我的回电任务", newOrder: "新建工单", giveHotline: "请告知来电人纪检监察举报电话：", orderOpened: "工单已提交：",
    noTasks: "暂无回电任务", replied: "已回复", vetoedThisMonth: "本月有成立的服务投诉，月度考核一票否决：", replyNote: "回复情况：", repliedByPhone: "已电话回复纳税人", workOrders: "工单", knowledgeBase: "知识库管理", reports: "满意度月报",
    knowledge: "知识库", knowledgeHint: "输入问题关键词，如：小规模纳税人 免征增值税", noKnowledge: "没有找到相关条目", deadAir: "静音", overTalk: "抢话",
    shortcuts: "快捷键：空格 播放/暂停 · ←/→ 后退/前进 5 秒 · [ / ] 减速/加速",
    LoggedOut: "未签入", NotReady: "示忙", Ready: "就绪", Reserved: "振铃", OnCall: "通话中", WrapUp: "话后处理",
    callReports: "话务报表", callHistory: "通话记录", period: "周期", periodDay: "日", periodWeek: "周", periodMonth: "月",
    date: "日期", interval: "时段", minutes15: "15 分钟", minutes30: "30 分钟", minutes60: "60 分钟", compare: "与上一周期对比",
    queueCsv: "队列报表 CSV", agentCsv: "座席报表 CSV", offered: "呼入", answered: "接听", abandonRate: "放弃率",
    asa: "平均应答速度", occupancy: "占用率", volume: "话务量与服务水平", abandonTrend: "放弃率", agentOccupancy: "座席占用率",
    previous: "上一周期", noCalls: "该期间没有通话", agents: "座席人员", loggedIn: "签入时长", talk: "通话", hold: "保持",
    wrapUp: "话后处理", missedOffers: "未接振铃", callCount: "接听量", overflowed: "溢出", longestWait: "最长等待",
    search: "查询", caller: "来电号码", outcome: "结果", anyOutcome: "全部结果", minWait: "最短等待（秒）", minTalk: "最短通话（秒）",
    hasRecording: "录音", any: "全部", more: "更多", noRecords: "没有符合条件的通话", timeline: "通话过程", ended: "结束时间",
    wait: "等待", queue: "队列", agentName: "座席人员", Answered: "接听", Abandoned: "放弃", Callback: "预约回电",
    forbidden: "您的角色不能使用此页面", forbiddenHint: "如需使用，请联系系统管理员分配相应角色。", backHome: "返回我的首页", administration: "系统管理", seconds: "秒", newPasswordTitle: "请设置新密码", newPasswordHint: "管理员为您设置了临时密码，请先设置自己的密码。",
    newPassword: "新密码", repeatPassword: "再次输入新密码", passwordsDiffer: "两次输入的密码不一致", minScore: "质检最低分", maxScore: "质检最高分", surveyScore: "回访评分",
    Queued: "排队", Offered: "振铃", Connected: "通话", Held: "保持", Ended: "结束", Overflowed: "溢出", CallbackRequested: "预约回电",
    users: "用户", departments: "科室", calendar: "节假日日历", scorecards: "评分表", displayName: "显示名称", roles: "角色",
    lastSignIn: "最近登录", never: "从未登录", disabled: "已停用", enable: "启用", disable: "停用", resetPassword: "重置密码",
    temporaryPassword: "临时密码（只显示这一次，请当面或电话转告用户）：", createUser: "新建用户", saveRoles: "保存角色",
    mustChange: "待修改密码", name: "名称", skills: "技能（队列与等级 1–5）", addSkill: "添加技能", level: "等级",
    strategy: "分配策略", serviceLevelSeconds: "服务水平目标（秒）", ringTimeout: "振铃超时（秒）", overflowAfter: "等待多少秒后溢出",
    overflowTo: "溢出至队列", noOverflow: "不溢出", LongestIdle: "最长空闲优先", FewestCalls: "接听最少优先", RoundRobin: "轮流分配",
    liaison: "联络员", backupLiaison: "备用联络员", head: "科室负责人", handlers: "承办人（用户名，逗号分隔）",
    loadedYears: "已加载的年度安排", loadYearFile: "从 JSON 文件加载年度安排（国务院办公厅通知）", holidays: "节假日",
    makeUpWorkdays: "调休上班日", badYearFile: "文件不是有效的年度安排：", yearLoadedNote: "已加载", formId: "评分表编号",
    version: "版本", publishVersion: "发布为新版本", points: "分值", weight: "权重", id: "编号", newItem: "新建",
    source: "来源", year: "年份", remoteSeat: "远程座席", save2: "保存", noUsers: "还没有用户", noDepartments: "尚未配置科室",
    roleAdmin: "系统管理员", roleSupervisor: "班长", roleGrader: "质检员", roleAgent: "座席", roleDutyOfficer: "带班人员",
    roleLiaison: "联络员", roleHandler: "科室承办人", questions: "题目", preview: "预览", actions: "操作", userDisabled: "已停用：该用户的会话已立即失效",
    chooseFile: "选择文件", formJson: "评分表内容（JSON：name、sections）",
    monitorCall: "监听通话", listen: "监听", whisper: "耳语", barge: "强插", stopMonitoring: "停止监听", seatControl: "座席控制",
    forceNotReady: "强制示忙", forceLogout: "强制签出", clearStuck: "清除卡死通话", send: "发送", sent: "已发送", tiles: "卡片",
    table: "表格", totals: "全部队列合计", monitoredBy: "监听人", whispering: "班长正在耳语指导（只有您能听到）",
    barged: "班长已加入通话（三方通话）", close: "关闭", noCallToMonitor: "该座席当前没有通话", since: "持续",
    screenPop: "来电信息", previousCalls: "该来电人的历史来电", noPreviousCalls: "该号码首次来电", openOrders: "未办结工单",
    suggestions: "知识库推荐", waited: "排队等待", HardQuestion: "疑难问题", ServiceComplaint: "服务投诉", FollowUp: "回访",
    Correction: "更正回电", AwaitingAssignment: "待分派", InHand: "办理中", AwaitingReply: "待回复", Closed: "已办结",
    reason_break: "小休", reason_meal: "用餐", reason_training: "培训", reason_meeting: "会议", reason_missed: "未接来电",
    reason_phone_offline: "话机离线", reason_forced: "班长强制", reason_supervisor: "班长强制", alertHistory: "历史告警",
    cleared: "已解除", raised: "发生", noAlertHistory: "该期间没有告警",
    orderKindLabel: "类型", questionLabel: "问题 / 事项", taxpayerName: "纳税人姓名", taxpayerId: "纳税人识别号", phoneLabel: "联系电话",
    phoneHint: "默认为来电号码", reportLabel: "举报内容", reportedParty: "被举报人", reportedTaxpayerId: "被举报人识别号", conduct: "违法行为",
    taxPeriod: "所属期", amount: "涉及金额", anonymous: "匿名", severity: "严重程度", General: "一般", Serious: "较重", Grave: "严重",
    complainedAbout: "被投诉人", integrityHint: "廉政举报只记录转介时间和座席，不记录内容。", openOrder: "提交工单", TaxReport: "涉税举报",
    IntegrityReferral: "廉政举报",
  },
  en: {
    title: "12366 Call Center", wallboard: "Wallboard", agent: "Agent desktop", signIn: "Sign in", signOut: "Sign out",
    user: "User name", password: "Password", badLogin: "Wrong user name or password", tooManySignIns: "Too many sign-in attempts or the system is busy: try again shortly", queues: "Queues", seats: "Seats",
    alerts: "Alerts", noAlerts: "No alerts", noSeats: "No seats defined yet", noQueues: "No queues defined yet",
    waiting: "Waiting", longest: "Longest wait", serviceLevel: "Service level", abandoned: "Abandoned",
    available: "Seats free", acknowledge: "Acknowledge", note: "Note", allDepartments: "All departments",
    allQueues: "All queues", allStates: "All states", wall: "Wall mode", language: "中文", phoneOffline: "Phone offline",
    remote: "Remote", calls: "Calls today", connected: "Live", reconnecting: "Reconnecting…", seat: "Seat",
    login: "Log in", ready: "Ready", notReady: "Not ready", logout: "Log out", reason: "Reason",
    currentCall: "Current call", monitored: "A supervisor is listening", state: "State", acknowledged: "Acknowledged",
    messages: "Messages from supervisors", sendMessage: "Message to this seat:", byState: "Seats by state",
    sl15: "Last 15 min", aht: "Avg handle time", recentAbandoned: "Recently abandoned",
    dutyToday: "Duty today", noDuty: "No duty shifts today", dutyCheckedIn: "Checked in", dutyLate: "Late",
    dutyOvertime: "Overtime", dutyExpected: "Expected", dutyScheduled: "Not started", dutyCheckedOut: "Checked out",
    dutyNoShow: "No-show", dutyMissed: "Missed", dutyCancelled: "Cancelled", duty: "Duty", roster: "Roster",
    myShifts: "My shifts", checkIn: "Check in", checkOut: "Check out", handoverNotes: "Handover notes",
    openMatters: "Open matters (one per line)", previousHandover: "Previous officer's handover", notices: "Notices",
    noShifts: "No shifts for you soon", askSwap: "Ask for a swap", colleague: "Colleague's user name", accept: "Accept",
    decline: "Decline", approve: "Approve swap", backupRole: "Backup", officerRole: "On duty", activeShift: "Current shift",
    swapPending: "Swap request", rotation: "Rotation", generate: "Generate", publish: "Publish", from: "From", to: "To",
    draft: "Draft", published: "Published", department: "Department", officer: "Officer", backup: "Backup", edit: "Edit",
    problems: "Problems", definition: "Rotation definition (JSON)", save: "Save", load: "Load", exportCsv: "Export CSV",
    exportIcs: "Export calendar (iCal)", editReason: "Reason for the change:", newOfficer: "New officer's user name:",
    noRoster: "No roster in this period", saved: "Saved", subscribe: "Calendar subscription",
    feedLink: "Get my calendar address", quality: "Quality score",
    workbench: "Grader workbench", myQueue: "Calls to grade", noAssigned: "No calls assigned",
    submitted: "Submitted", due: "due", formVersion: "form version", play: "Play", pause: "Pause", speed: "Speed",
    skipSilence: "Skip silence", total: "Total", criticalFail: "Critical fail", submit: "Submit", yes: "Yes", no: "No",
    notApplicable: "N/A", comment: "Comment", stamp: "Insert the current time", stampShort: "Time",
    myEvaluations: "My evaluations", acknowledgeEvaluation: "Acknowledge", dispute: "Dispute", disputeReason: "Reason for the dispute:",
    disputeBy: "dispute by", liveScoring: "A supervisor is scoring this call live",
    myTasks: "My callback tasks", newOrder: "New work order", giveHotline: "Give the caller the discipline-inspection hotline:",
    orderOpened: "Order opened:", noTasks: "No callback tasks", replied: "Replied", vetoedThisMonth: "A valid service complaint vetoes your month:", replyNote: "How was the taxpayer answered?",
    repliedByPhone: "Called the taxpayer back", workOrders: "Work orders", knowledgeBase: "Knowledge base",
    reports: "Satisfaction report",
    knowledge: "Knowledge base", knowledgeHint: "Type the question, e.g. 小规模纳税人 免征增值税", noKnowledge: "Nothing found", deadAir: "Dead air", overTalk: "Over-talk",
    shortcuts: "Keys: space play/pause · ←/→ 5 s back/forward · [ / ] slower/faster",
    LoggedOut: "Logged out", NotReady: "Not ready", Ready: "Ready", Reserved: "Ringing", OnCall: "On call", WrapUp: "Wrap-up",
    callReports: "Call reports", callHistory: "Call history", period: "Period", periodDay: "Day", periodWeek: "Week", periodMonth: "Month",
    date: "Date", interval: "Interval", minutes15: "15 minutes", minutes30: "30 minutes", minutes60: "60 minutes", compare: "Compare with the previous period",
    queueCsv: "Queue report CSV", agentCsv: "Agent report CSV", offered: "Offered", answered: "Answered", abandonRate: "Abandon rate",
    asa: "Avg speed of answer", occupancy: "Occupancy", volume: "Volume and service level", abandonTrend: "Abandon rate", agentOccupancy: "Agent occupancy",
    previous: "Previous period", noCalls: "No calls in this period", agents: "Agents", loggedIn: "Logged in", talk: "Talk", hold: "Hold",
    wrapUp: "Wrap-up", missedOffers: "Missed offers", callCount: "Calls", overflowed: "Overflowed", longestWait: "Longest wait",
    search: "Search", caller: "Caller", outcome: "Outcome", anyOutcome: "Any outcome", minWait: "Min wait (s)", minTalk: "Min talk (s)",
    hasRecording: "Recording", any: "Any", more: "More", noRecords: "No calls match", timeline: "Timeline", ended: "Ended",
    wait: "Wait", queue: "Queue", agentName: "Agent", Answered: "Answered", Abandoned: "Abandoned", Callback: "Callback",
    forbidden: "Your role may not use this page", forbiddenHint: "Ask an administrator for the role if you need it.", backHome: "Back to my page", administration: "Administration", seconds: "s", newPasswordTitle: "Choose a new password", newPasswordHint: "An administrator set a temporary password: choose your own first.",
    newPassword: "New password", repeatPassword: "New password again", passwordsDiffer: "The two passwords differ", minScore: "Min quality score", maxScore: "Max quality score", surveyScore: "Survey score",
    Queued: "Queued", Offered: "Ringing", Connected: "Connected", Held: "On hold", Ended: "Ended", Overflowed: "Overflowed", CallbackRequested: "Callback requested",
    users: "Users", departments: "Departments", calendar: "Holiday calendar", scorecards: "Scorecards", displayName: "Display name",
    roles: "Roles", lastSignIn: "Last sign-in", never: "Never", disabled: "Disabled", enable: "Enable", disable: "Disable",
    resetPassword: "Reset password", temporaryPassword: "Temporary password (shown only this once: give it to the user in person or by phone):",
    createUser: "Create user", saveRoles: "Save roles", mustChange: "Must change password", name: "Name",
    skills: "Skills (queue and level 1–5)", addSkill: "Add skill", level: "Level", strategy: "Routing strategy",
    serviceLevelSeconds: "Service level target (s)", ringTimeout: "Ring timeout (s)", overflowAfter: "Overflow after (s)",
    overflowTo: "Overflow to queue", noOverflow: "No overflow", LongestIdle: "Longest idle first", FewestCalls: "Fewest calls first",
    RoundRobin: "Round robin", liaison: "Liaison", backupLiaison: "Backup liaison", head: "Head of department",
    handlers: "Handlers (user names, comma-separated)", loadedYears: "Loaded year arrangements",
    loadYearFile: "Load a year's arrangement from a JSON file (State Council notice)", holidays: "Holidays",
    makeUpWorkdays: "Make-up working days", badYearFile: "The file is not a valid year arrangement:", yearLoadedNote: "Loaded",
    formId: "Form id", version: "Version", publishVersion: "Publish as a new version", points: "Points", weight: "Weight",
    id: "Id", newItem: "New", source: "Source", year: "Year", remoteSeat: "Remote seat", save2: "Save", noUsers: "No users yet",
    noDepartments: "No departments yet", roleAdmin: "Administrator", roleSupervisor: "Supervisor", roleGrader: "Grader",
    roleAgent: "Agent", roleDutyOfficer: "Duty officer", roleLiaison: "Liaison", roleHandler: "Department handler",
    questions: "Questions", preview: "Preview", actions: "Actions", userDisabled: "Disabled: the user's sessions ended at once",
    chooseFile: "Choose file", formJson: "Form content (JSON: name, sections)",
    monitorCall: "Call monitoring", listen: "Listen", whisper: "Whisper", barge: "Barge in", stopMonitoring: "Stop", seatControl: "Seat control",
    forceNotReady: "Force not ready", forceLogout: "Force log out", clearStuck: "Clear stuck call", send: "Send", sent: "Sent", tiles: "Tiles",
    table: "Table", totals: "All queues", monitoredBy: "Monitored by", whispering: "A supervisor is whispering to you (only you hear it)",
    barged: "A supervisor has joined the call (three-way)", close: "Close", noCallToMonitor: "This seat has no call now", since: "For",
    screenPop: "Incoming call", previousCalls: "This caller's previous calls", noPreviousCalls: "First call from this number",
    openOrders: "Open work orders", suggestions: "Suggested answers", waited: "Waited", HardQuestion: "Hard question",
    ServiceComplaint: "Service complaint", FollowUp: "Follow-up", Correction: "Correction callback", AwaitingAssignment: "Awaiting assignment",
    InHand: "In hand", AwaitingReply: "Awaiting reply", Closed: "Closed",
    reason_break: "Break", reason_meal: "Meal", reason_training: "Training", reason_meeting: "Meeting", reason_missed: "Missed a call",
    reason_phone_offline: "Phone offline", reason_forced: "Forced by a supervisor", reason_supervisor: "Forced by a supervisor",
    alertHistory: "Alert history", cleared: "Cleared", raised: "Raised", noAlertHistory: "No alerts in this period",
    orderKindLabel: "Kind", questionLabel: "Question", taxpayerName: "Taxpayer's name", taxpayerId: "Taxpayer id", phoneLabel: "Phone",
    phoneHint: "Defaults to the caller's number", reportLabel: "Report", reportedParty: "Reported party", reportedTaxpayerId: "Their taxpayer id",
    conduct: "Conduct", taxPeriod: "Tax period", amount: "Amount", anonymous: "Anonymous", severity: "Severity", General: "General",
    Serious: "Serious", Grave: "Grave", complainedAbout: "Complained about", integrityHint: "Only the time and the seat are recorded, not what was said.",
    openOrder: "Open order", TaxReport: "Tax report", IntegrityReferral: "Integrity referral",
  },
} as const;

export type Word = keyof typeof words.zh;

// Refusals the server sends with a code: rendered from here, the English detail only for codes this page lacks.
const problems: Record<"zh" | "en", Record<string, string>> = {
  zh: {
    "seat-held": "座席 {seat} 正由 {agent} 签入使用：请对方先签出，或请班长接管该座席。",
    "password-change-required": "请先修改管理员为您设置的临时密码。",
  },
  en: {
    "seat-held": "Seat {seat} is in use by {agent}: they log out first, or a supervisor takes the seat over.",
    "password-change-required": "Change the temporary password an administrator set first.",
  },
};

export function problemText(code: string | undefined, args: Record<string, string | null> | undefined, fallback: string): string {
  const text = code ? problems[language()][code] : undefined;
  return text ? text.replace(/\{(\w+)\}/g, (_, name: string) => args?.[name] ?? "") : fallback;
}

export const language = (): "zh" | "en" => (localStorage.getItem("lang") === "en" ? "en" : "zh");

export const t = (word: Word): string => words[language()][word];

export function toggleLanguage(): void {
  localStorage.setItem("lang", language() === "zh" ? "en" : "zh");
  location.reload();
}

/** Fills every element carrying data-t="word" with its translation. */
export function translatePage(): void {
  document.documentElement.lang = language() === "zh" ? "zh-CN" : "en";
  document.querySelectorAll<HTMLElement>("[data-t]").forEach((el) => (el.textContent = t(el.dataset.t as Word)));
  document.querySelectorAll<HTMLInputElement>("[data-t-placeholder]").forEach((el) => (el.placeholder = t(el.dataset.tPlaceholder as Word)));
}

const reasons = ["break", "meal", "training", "meeting", "missed", "phone-offline", "forced", "supervisor"];

/** A not-ready reason code as words ("break" → 小休); a code this page does not know as it came. */
export const reasonName = (code: string | null | undefined): string =>
  code && reasons.includes(code) ? t(`reason_${code.replace("-", "_")}` as Word) : code ?? "";
