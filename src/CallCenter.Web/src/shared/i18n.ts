// User-facing words in Chinese and English; the choice is remembered per browser.
const words = {
  zh: {
    title: "12366 呼叫中心", wallboard: "监控墙", agent: "座席工作台", signIn: "登录", signOut: "退出", user: "用户名",
    password: "密码", badLogin: "用户名或密码不正确", queues: "队列", seats: "座席", alerts: "告警", noAlerts: "暂无告警",
    noSeats: "尚未配置座席", noQueues: "尚未配置队列", waiting: "排队", longest: "最长等待", serviceLevel: "服务水平",
    abandoned: "放弃", available: "空闲座席", acknowledge: "确认", note: "备注", allDepartments: "全部科室",
    allQueues: "全部队列", allStates: "全部状态", wall: "大屏模式", language: "English", phoneOffline: "话机离线",
    remote: "远程", calls: "今日接听", connected: "已连接", reconnecting: "正在重新连接…", seat: "座席号",
    login: "签入", ready: "就绪", notReady: "示忙", logout: "签出", reason: "原因", currentCall: "当前通话",
    monitored: "班长正在监听", state: "状态", acknowledged: "已确认", messages: "班长消息", sendMessage: "发送给该座席的消息：",
    byState: "座席状态", sl15: "近15分钟", aht: "平均处理时长", recentAbandoned: "最近放弃",
    LoggedOut: "未签入", NotReady: "示忙", Ready: "就绪", Reserved: "振铃", OnCall: "通话中", WrapUp: "话后处理",
  },
  en: {
    title: "12366 Call Center", wallboard: "Wallboard", agent: "Agent desktop", signIn: "Sign in", signOut: "Sign out",
    user: "User name", password: "Password", badLogin: "Wrong user name or password", queues: "Queues", seats: "Seats",
    alerts: "Alerts", noAlerts: "No alerts", noSeats: "No seats defined yet", noQueues: "No queues defined yet",
    waiting: "Waiting", longest: "Longest wait", serviceLevel: "Service level", abandoned: "Abandoned",
    available: "Seats free", acknowledge: "Acknowledge", note: "Note", allDepartments: "All departments",
    allQueues: "All queues", allStates: "All states", wall: "Wall mode", language: "中文", phoneOffline: "Phone offline",
    remote: "Remote", calls: "Calls today", connected: "Live", reconnecting: "Reconnecting…", seat: "Seat",
    login: "Log in", ready: "Ready", notReady: "Not ready", logout: "Log out", reason: "Reason",
    currentCall: "Current call", monitored: "A supervisor is listening", state: "State", acknowledged: "Acknowledged",
    messages: "Messages from supervisors", sendMessage: "Message to this seat:", byState: "Seats by state",
    sl15: "Last 15 min", aht: "Avg handle time", recentAbandoned: "Recently abandoned",
    LoggedOut: "Logged out", NotReady: "Not ready", Ready: "Ready", Reserved: "Ringing", OnCall: "On call", WrapUp: "Wrap-up",
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
}
