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
    forbidden: "您没有查看此页面的权限", seconds: "秒", newPasswordTitle: "请设置新密码", newPasswordHint: "管理员为您设置了临时密码，请先设置自己的密码。",
    newPassword: "新密码", repeatPassword: "再次输入新密码", passwordsDiffer: "两次输入的密码不一致", minScore: "质检最低分", maxScore: "质检最高分", surveyScore: "回访评分",
    Queued: "排队", Offered: "振铃", Connected: "通话", Held: "保持", Ended: "结束", Overflowed: "溢出", CallbackRequested: "预约回电",
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
    forbidden: "You may not view this page", seconds: "s", newPasswordTitle: "Choose a new password", newPasswordHint: "An administrator set a temporary password: choose your own first.",
    newPassword: "New password", repeatPassword: "New password again", passwordsDiffer: "The two passwords differ", minScore: "Min quality score", maxScore: "Max quality score", surveyScore: "Survey score",
    Queued: "Queued", Offered: "Ringing", Connected: "Connected", Held: "On hold", Ended: "Ended", Overflowed: "Overflowed", CallbackRequested: "Callback requested",
  },
} as const;

export type Word = keyof typeof words.zh;

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
