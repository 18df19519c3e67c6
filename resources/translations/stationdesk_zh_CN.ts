<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialogs</name>
    <message>
        <source>Administrator: everything, including settings, backups, staff accounts and the audit log.
Coordinator: volunteers, teams, events, hours review, printing and the shop.
Check-in operator: the check-in console and signing in by hand only.</source>
        <translation>管理员：全部功能，包括设置、备份、工作人员账号和操作日志。
工作人员：志愿者、队伍、活动、服务时长审核、打印和爱心超市。
签到员：仅限签到台和手工签到。</translation>
    </message>
</context>
<context>
    <name>AccountModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>New password pending</source>
        <translation>待设置新密码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The password cannot be the user name.</source>
        <translation>密码不能与用户名相同。</translation>
    </message>
    <message>
        <source>The user name is required.</source>
        <translation>请填写用户名。</translation>
    </message>
    <message>
        <source>A user name is one word of at most 60 characters.</source>
        <translation>用户名不能含空格，最多 60 个字符。</translation>
    </message>
    <message>
        <source>The user name {name} is taken.</source>
        <translation>用户名“{name}”已被使用。</translation>
    </message>
    <message>
        <source>The person&apos;s name is required.</source>
        <translation>请填写使用人姓名。</translation>
    </message>
    <message>
        <source>The name is too long.</source>
        <translation>姓名太长。</translation>
    </message>
    <message>
        <source>Unknown role: {role}</source>
        <translation>未知的角色：{role}</translation>
    </message>
    <message>
        <source>This station already has accounts; ask an administrator.</source>
        <translation>本站已有账号，请联系管理员。</translation>
    </message>
    <message>
        <source>No staff account with number {id}.</source>
        <translation>没有编号为 {id} 的工作人员账号。</translation>
    </message>
    <message>
        <source>The station needs at least one administrator.</source>
        <translation>本站至少需要保留一名管理员。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <source>The command line has no password to change.</source>
        <translation>命令行方式没有可修改的密码。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>Choose a password different from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Wrong user name or password. {n} more wrong tries lock the account.</source>
        <translation>用户名或密码错误。再输错 {n} 次，账号将被锁定。</translation>
    </message>
    <message>
        <source>This account is disabled; ask an administrator.</source>
        <translation>此账号已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked until {time}, or until an administrator unlocks it.</source>
        <translation>密码输错次数过多，此账号已锁定至 {time}，也可请管理员解锁。</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Staff accounts</source>
        <translation>工作人员账号</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>新建账号…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>{n} accounts</source>
        <translation>共 {n} 个账号</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>The account was created.</source>
        <translation>账号已创建。</translation>
    </message>
    <message>
        <source>The role was changed.</source>
        <translation>角色已更改。</translation>
    </message>
    <message>
        <source>The password was reset.</source>
        <translation>密码已重置。</translation>
    </message>
    <message>
        <source>The account was enabled.</source>
        <translation>账号已启用。</translation>
    </message>
    <message>
        <source>The account was disabled.</source>
        <translation>账号已停用。</translation>
    </message>
    <message>
        <source>The account was unlocked.</source>
        <translation>账号已解锁。</translation>
    </message>
</context>
<context>
    <name>AddMembersDialog</name>
    <message>
        <source>Add members to {team}</source>
        <translation>将志愿者加入 {team}</translation>
    </message>
    <message>
        <source>Choose ›</source>
        <translation>选入 ›</translation>
    </message>
    <message>
        <source>Put the selected volunteers on the list to add</source>
        <translation>把选中的志愿者放入待加入名单</translation>
    </message>
    <message>
        <source>‹ Take off</source>
        <translation>‹ 移出</translation>
    </message>
    <message>
        <source>Add to team</source>
        <translation>加入队伍</translation>
    </message>
    <message>
        <source>Select several with Ctrl or Shift, then Choose. Search again to gather more.</source>
        <translation>可按 Ctrl+单击 或 Shift+单击 选择多人，然后点“选入”。可再次搜索以继续添加。</translation>
    </message>
    <message>
        <source>{name} (No. {id})</source>
        <translation>{name}（编号 {id}）</translation>
    </message>
    <message>
        <source>To add: {n}</source>
        <translation>待加入：{n} 人</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>StationDesk cannot open the database</source>
        <translation>志愿服务工作台无法打开数据库</translation>
    </message>
    <message>
        <source>The file {path} could not be opened.

{reason}</source>
        <translation>无法打开文件 {path}。

{reason}</translation>
    </message>
</context>
<context>
    <name>Attendance</name>
    <message>
        <source>Event Attendance Report</source>
        <translation>活动出勤情况表</translation>
    </message>
    <message>
        <source>{name} (walk-in)</source>
        <translation>{name}（临时参加）</translation>
    </message>
    <message>
        <source>Event No. {id}</source>
        <translation>活动编号 {id}</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>报名人数</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>实到人数</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>临时参加人数</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>未到人数</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>People served</source>
        <translation>服务对象人次</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>签退时间</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者名单</translation>
    </message>
    <message>
        <source>Nobody enrolled in or came to this event.</source>
        <translation>此活动无人报名，也无人到场。</translation>
    </message>
    <message>
        <source>Activity leader</source>
        <translation>活动负责人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
</context>
<context>
    <name>AttendanceForm</name>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>One event</source>
        <translation>单场活动</translation>
    </message>
    <message>
        <source>Who came, when they signed in and out, their hours and anything to review.</source>
        <translation>谁到场了、何时签到签退、服务时长以及需要审核的事项。</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Card reissued</source>
        <translation>补发志愿者证</translation>
    </message>
    <message>
        <source>Personal data shown</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <source>Members added</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Members removed</source>
        <translation>移除成员</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>取消报名</translation>
    </message>
    <message>
        <source>Walk-in enrolled</source>
        <translation>临时参加登记</translation>
    </message>
    <message>
        <source>Signed in by hand</source>
        <translation>手工签到</translation>
    </message>
    <message>
        <source>Scan undone</source>
        <translation>撤销扫码</translation>
    </message>
    <message>
        <source>Event closed</source>
        <translation>活动结项</translation>
    </message>
    <message>
        <source>Closing details changed</source>
        <translation>修改结项信息</translation>
    </message>
    <message>
        <source>Hours worked out</source>
        <translation>核算服务时长</translation>
    </message>
    <message>
        <source>Hours approved</source>
        <translation>服务时长审核通过</translation>
    </message>
    <message>
        <source>Hours rejected</source>
        <translation>服务时长审核未通过</translation>
    </message>
    <message>
        <source>Hours corrected</source>
        <translation>更正服务时长</translation>
    </message>
    <message>
        <source>Clash accepted</source>
        <translation>确认冲突仍举办</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Locked after wrong passwords</source>
        <translation>密码输错被锁定</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>启用账号</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>更名</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Created from a template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>Date skipped</source>
        <translation>跳过一期</translation>
    </message>
    <message>
        <source>Series split</source>
        <translation>拆分周期活动</translation>
    </message>
    <message>
        <source>Moved up from the waiting list</source>
        <translation>候补转为已报名</translation>
    </message>
    <message>
        <source>Marked as no-show</source>
        <translation>标记未到</translation>
    </message>
    <message>
        <source>No-show mark removed</source>
        <translation>取消未到标记</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation>出具证书</translation>
    </message>
    <message>
        <source>Certificate reprinted</source>
        <translation>补打证书</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>服务获得积分</translation>
    </message>
    <message>
        <source>Points awarded</source>
        <translation>奖励积分</translation>
    </message>
    <message>
        <source>Points deducted</source>
        <translation>扣除积分</translation>
    </message>
    <message>
        <source>Points entry reversed</source>
        <translation>撤销积分记录</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Redemption cancelled</source>
        <translation>取消兑换</translation>
    </message>
    <message>
        <source>Goods received</source>
        <translation>物品入库</translation>
    </message>
    <message>
        <source>Stock adjusted</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <source>Demo data made</source>
        <translation>生成演示数据</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫码记录</translation>
    </message>
    <message>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>实践站</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Staff account</source>
        <translation>工作人员账号</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Repeating series</source>
        <translation>周期活动</translation>
    </message>
    <message>
        <source>Event template</source>
        <translation>活动模板</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Redemption</source>
        <translation>兑换记录</translation>
    </message>
    <message>
        <source>Shop item</source>
        <translation>兑换物品</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Consented to more personal data</source>
        <translation>同意登记更多个人信息</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Station No.</source>
        <translation>实践站编号</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>志愿者证编码</translation>
    </message>
    <message>
        <source>Merged volunteer No.</source>
        <translation>被合并的志愿者编号</translation>
    </message>
    <message>
        <source>Moved to the kept record</source>
        <translation>并入保留的记录</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>扫码记录</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>报名记录</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Points entries</source>
        <translation>积分明细</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>兑换记录</translation>
    </message>
    <message>
        <source>Team memberships</source>
        <translation>入队记录</translation>
    </message>
    <message>
        <source>Event open for check-in (No.)</source>
        <translation>正在签到的活动（编号）</translation>
    </message>
    <message>
        <source>Demo variant (seed)</source>
        <translation>演示数据版本（随机种子）</translation>
    </message>
    <message>
        <source>Service category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Team leader (volunteer No.)</source>
        <translation>队长（志愿者编号）</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Team No.</source>
        <translation>队伍编号</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>招募名额</translation>
    </message>
    <message>
        <source>Service content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Activity leader</source>
        <translation>活动负责人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Walk-ins allowed</source>
        <translation>允许临时参加</translation>
    </message>
    <message>
        <source>Check-in opens (minutes before the start)</source>
        <translation>提前开放签到（活动开始前分钟数）</translation>
    </message>
    <message>
        <source>Repeat scans ignored for (seconds)</source>
        <translation>重复扫码忽略时间（秒）</translation>
    </message>
    <message>
        <source>Rounding of hours</source>
        <translation>时长取整规则</translation>
    </message>
    <message>
        <source>Hours cap per activity</source>
        <translation>每场活动最多计入时长（小时）</translation>
    </message>
    <message>
        <source>People served</source>
        <translation>服务对象人次</translation>
    </message>
    <message>
        <source>Quality evaluation</source>
        <translation>服务质量评价</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>活动总结</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复方式</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event No.</source>
        <translation>活动编号</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>New series No.</source>
        <translation>新周期活动编号</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Length (minutes)</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>活动信息</translation>
    </message>
    <message>
        <source>Template No.</source>
        <translation>模板编号</translation>
    </message>
    <message>
        <source>Enrolled volunteers</source>
        <translation>已报名的志愿者</translation>
    </message>
    <message>
        <source>Volunteers on the waiting list</source>
        <translation>候补的志愿者</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>临时参加</translation>
    </message>
    <message>
        <source>Volunteer No.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Sign-in or sign-out</source>
        <translation>签到/签退</translation>
    </message>
    <message>
        <source>Scan No.</source>
        <translation>扫码记录编号</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Clashes</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Number of clashes</source>
        <translation>冲突数</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Other event No.</source>
        <translation>另一场活动编号</translation>
    </message>
    <message>
        <source>Records made</source>
        <translation>新生成的记录</translation>
    </message>
    <message>
        <source>Records replaced</source>
        <translation>被替换的记录</translation>
    </message>
    <message>
        <source>Records unchanged</source>
        <translation>未变动的记录</translation>
    </message>
    <message>
        <source>Records to check</source>
        <translation>需核查的记录</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <source>Service minutes</source>
        <translation>服务时长（分钟）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Service record No.</source>
        <translation>服务记录编号</translation>
    </message>
    <message>
        <source>Corrects service record No.</source>
        <translation>所更正的服务记录编号</translation>
    </message>
    <message>
        <source>Certificate No.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>服务时段起</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>服务时段止</translation>
    </message>
    <message>
        <source>Star level</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Reprints</source>
        <translation>补打次数</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Reversing entry No.</source>
        <translation>撤销记录编号</translation>
    </message>
    <message>
        <source>Points taken back</source>
        <translation>收回的积分</translation>
    </message>
    <message>
        <source>Points not recovered (already spent)</source>
        <translation>未能收回的积分（已使用）</translation>
    </message>
    <message>
        <source>New service record No.</source>
        <translation>新服务记录编号</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Price (points)</source>
        <translation>所需积分</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Limit per volunteer</source>
        <translation>每人限兑</translation>
    </message>
    <message>
        <source>Limit period</source>
        <translation>限兑周期</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动数量</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Person&apos;s name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Star levels (hours)</source>
        <translation>星级门槛（小时）</translation>
    </message>
    <message>
        <source>Points per hour</source>
        <translation>每小时积分</translation>
    </message>
    <message>
        <source>Points weight by category</source>
        <translation>各服务类别积分系数</translation>
    </message>
    <message>
        <source>Points cap per activity</source>
        <translation>每场活动积分上限</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>实践站名称</translation>
    </message>
    <message>
        <source>Station level</source>
        <translation>实践站级别</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation>标志图片文件</translation>
    </message>
    <message>
        <source>Seal image file</source>
        <translation>公章图片文件</translation>
    </message>
    <message>
        <source>Lock when idle (minutes)</source>
        <translation>无人操作自动锁定（分钟）</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>保留备份份数</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>更新内容</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Teams created</source>
        <translation>新建队伍</translation>
    </message>
    <message>
        <source>Full ID numbers</source>
        <translation>完整证件号码</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Replaced file kept as</source>
        <translation>被替换的数据库另存为</translation>
    </message>
    <message>
        <source>Restored from</source>
        <translation>恢复来源</translation>
    </message>
    <message>
        <source>Certificate kind</source>
        <translation>证书类型</translation>
    </message>
    <message>
        <source>Clash</source>
        <translation>冲突类型</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>队伍名称</translation>
    </message>
    <message>
        <source>Item name</source>
        <translation>物品名称</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{n} volunteer(s)</source>
        <translation>{n} 名志愿者</translation>
    </message>
    <message>
        <source>{n} record(s)</source>
        <translation>{n} 条记录</translation>
    </message>
    <message>
        <source>{n} volunteers</source>
        <translation>{n} 名志愿者</translation>
    </message>
    <message>
        <source>No. {ids}</source>
        <translation>编号 {ids}</translation>
    </message>
    <message>
        <source>{n} clashes</source>
        <translation>{n} 处冲突</translation>
    </message>
    <message>
        <source>{n} teams</source>
        <translation>{n} 支队伍</translation>
    </message>
    <message>
        <source>Volunteer No. {id}</source>
        <translation>志愿者（编号 {id}）</translation>
    </message>
    <message>
        <source>No. {id}</source>
        <translation>编号 {id}</translation>
    </message>
    <message>
        <source>{field} › {part}</source>
        <translation>{field} › {part}</translation>
    </message>
    <message>
        <source>{n} more, not listed here</source>
        <translation>另有 {n} 条，此处未列出</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
    <message>
        <source>The export was stopped; no file was written.</source>
        <translation>导出已停止，未写入任何文件。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Record No.</source>
        <translation>对象编号</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>改动内容</translation>
    </message>
    <message>
        <source>Before (as stored)</source>
        <translation>修改前（原始数据）</translation>
    </message>
    <message>
        <source>After (as stored)</source>
        <translation>修改后（原始数据）</translation>
    </message>
    <message>
        <source>Export to a .csv or .xlsx file.</source>
        <translation>请导出为 .csv 或 .xlsx 文件。</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>改动内容</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Search in the values (a name, an ID number…)</source>
        <translation>在记录内容中搜索（姓名、证件号码…）</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部对象</translation>
    </message>
    <message>
        <source>Record No.</source>
        <translation>对象编号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Choose an entry to see its values before and after.</source>
        <translation>选择一条日志，查看修改前后的内容。</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>共 {n} 条</translation>
    </message>
    <message>
        <source>{time} — {name}: {action} ({record})</source>
        <translation>{time} — {name}：{action}（{record}）</translation>
    </message>
    <message>
        <source>{time} — {name}: {action} ({record} No. {id})</source>
        <translation>{time} — {name}：{action}（{record}，编号 {id}）</translation>
    </message>
    <message>
        <source>No values were recorded for this entry.</source>
        <translation>这条日志没有记录具体内容。</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出操作日志</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>{n} entries exported to {path}</source>
        <translation>已将 {n} 条日志导出到 {path}</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Not enough free space for a backup in {folder}: {need} MB needed, {free} MB free. Nothing was changed.</source>
        <translation>{folder} 空间不足，无法备份：需要 {need} MB，剩余 {free} MB。未做任何改动。</translation>
    </message>
    <message>
        <source>The backup could not be written: {error}</source>
        <translation>备份写入失败：{error}</translation>
    </message>
    <message>
        <source>A database in memory has no file to back up.</source>
        <translation>内存中的数据库没有可备份的文件。</translation>
    </message>
    <message>
        <source>A backup cannot overwrite the database itself.</source>
        <translation>备份不能覆盖正在使用的数据库本身。</translation>
    </message>
    <message>
        <source>{path} is not a StationDesk database or backup.</source>
        <translation>{path} 不是志愿服务工作台数据库或备份文件。</translation>
    </message>
    <message>
        <source>{path} is damaged (its integrity check failed); choose another backup.</source>
        <translation>{path} 已损坏（完整性检查未通过），请选择其他备份。</translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation>{path} 不是文件。</translation>
    </message>
    <message>
        <source>{path} was written by a newer StationDesk (schema {rev}); install the newer program to restore it.</source>
        <translation>{path} 由更新版本的志愿服务工作台创建（数据结构版本 {rev}），请安装新版程序后再恢复。</translation>
    </message>
    <message>
        <source>This is the database in use; choose a backup file.</source>
        <translation>这是正在使用的数据库，请选择备份文件。</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Daily</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>升级前备份</translation>
    </message>
    <message>
        <source>Replaced by a restore</source>
        <translation>恢复前的原数据库</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>StationDesk copies the database every day it is used, before every update and before every restore, and keeps the newest copies of each kind. Copies made by hand are never deleted. Folder: {folder}</source>
        <translation>志愿服务工作台会在每个使用日、每次升级前和每次恢复前备份数据库，每类保留最新的几份。手动备份永不删除。备份文件夹：{folder}</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Back up to a file…</source>
        <translation>备份到文件…</translation>
    </message>
    <message>
        <source>Restore the chosen copy…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Replace the database with this copy</source>
        <translation>用此备份替换数据库</translation>
    </message>
    <message>
        <source>Back up to a file</source>
        <translation>备份到文件</translation>
    </message>
    <message>
        <source>Database (*.sqlite)</source>
        <translation>数据库 (*.sqlite)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation>备份已保存到 {path}</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>Database (*.sqlite *.db);;All files (*)</source>
        <translation>数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a copy in the list first.</source>
        <translation>请先在列表中选择一份备份。</translation>
    </message>
    <message>
        <source>Checking {path}…</source>
        <translation>正在检查 {path}…</translation>
    </message>
    <message>
        <source>{path} is intact: {volunteers} volunteers, {events} events, last change {when}.
Restoring replaces ALL data in this database with this copy. The current database is kept as a copy first, so this can be undone. Close StationDesk on other computers and windows using this file before you go on.</source>
        <translation>{path} 完好：{volunteers} 名志愿者、{events} 场活动，最后修改于 {when}。
恢复将用此备份替换当前数据库中的【全部】数据。当前数据库会先另存一份，因此可以撤销。继续之前，请关闭其他电脑和窗口中正在使用此文件的志愿服务工作台。</translation>
    </message>
    <message>
        <source>The copy comes from an older version; it will be updated after the restore.</source>
        <translation>此备份来自旧版本，恢复后会自动升级。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Restored. The replaced database was kept as {kept}.</source>
        <translation>已恢复。被替换的数据库已另存为 {kept}。</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>When</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>From template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>No templates yet: use “Save as template” in an event</source>
        <translation>还没有模板：可在活动中使用“存为模板”</translation>
    </message>
    <message>
        <source>Cannot create the event</source>
        <translation>无法创建活动</translation>
    </message>
</context>
<context>
    <name>CalendarTooltip</name>
    <message>
        <source>Place: {place}</source>
        <translation>地点：{place}</translation>
    </message>
    <message>
        <source>Team: {team}</source>
        <translation>队伍：{team}</translation>
    </message>
    <message>
        <source>{n} of {capacity} places taken</source>
        <translation>已报名 {n} / {capacity} 人</translation>
    </message>
    <message>
        <source>{n} enrolled</source>
        <translation>已报名 {n} 人</translation>
    </message>
    <message>
        <source>Part of a repeating series</source>
        <translation>属于周期活动</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <source>the camera module could not be loaded ({error})</source>
        <translation>无法加载摄像头模块（{error}）</translation>
    </message>
    <message>
        <source>this camera is no longer connected</source>
        <translation>此摄像头已断开连接</translation>
    </message>
    <message>
        <source>the camera stopped</source>
        <translation>摄像头已停止</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>No camera: USB scanner only</source>
        <translation>无摄像头：仅用 USB 扫码枪</translation>
    </message>
    <message>
        <source>Camera scanning is not available: {reason}. The USB scanner works.</source>
        <translation>摄像头扫码不可用：{reason}。USB 扫码枪仍可使用。</translation>
    </message>
    <message>
        <source>No camera found. Scans come from the USB scanner.</source>
        <translation>未找到摄像头，请使用 USB 扫码枪扫码。</translation>
    </message>
    <message>
        <source>The camera “{name}” was unplugged and has stopped. Scans come from the USB scanner; plug it back in to use it again.</source>
        <translation>摄像头“{name}”已拔出，扫码已停止。现在请用 USB 扫码枪扫码；重新插上摄像头即可继续使用。</translation>
    </message>
    <message>
        <source>A camera was connected: choose it above to scan cards with it.</source>
        <translation>已连接新的摄像头：请在上方选择它，即可用它扫描志愿者证。</translation>
    </message>
    <message>
        <source>Camera on: hold the card&apos;s QR code in front of it.</source>
        <translation>摄像头已开启：请将志愿者证上的二维码对准摄像头。</translation>
    </message>
    <message>
        <source>The camera could not be used: {reason}. The USB scanner works.</source>
        <translation>摄像头无法使用：{reason}。USB 扫码枪仍可使用。</translation>
    </message>
</context>
<context>
    <name>CardPanel</name>
    <message>
        <source>Volunteer card</source>
        <translation>志愿者证</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <source>Paste it into a chat to send the card to the volunteer&apos;s phone.</source>
        <translation>粘贴到聊天中，即可把志愿者证发到志愿者的手机上。</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为图片…</translation>
    </message>
    <message>
        <source>Issuing cards needs a coordinator&apos;s account.</source>
        <translation>发放志愿者证需要工作人员账号。</translation>
    </message>
    <message>
        <source>No card yet</source>
        <translation>尚无志愿者证</translation>
    </message>
    <message>
        <source>Reissue card…</source>
        <translation>补发志愿者证…</translation>
    </message>
    <message>
        <source>Issue a card</source>
        <translation>发放志愿者证</translation>
    </message>
    <message>
        <source>Save the card as an image</source>
        <translation>将志愿者证保存为图片</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>图片 (*.png)</translation>
    </message>
    <message>
        <source>The image could not be written to {path}.</source>
        <translation>无法将图片写入 {path}。</translation>
    </message>
    <message>
        <source>Reissue the card</source>
        <translation>补发志愿者证</translation>
    </message>
    <message>
        <source>{name} gets a new card code. The old card stops working at check-in at once; print or send the new one. Reissue?</source>
        <translation>将为{name}生成新的志愿者证编码，旧证在签到时立即失效；请打印或发送新证。确定补发吗？</translation>
    </message>
</context>
<context>
    <name>Cards</name>
    <message>
        <source>This is not a valid volunteer card code.</source>
        <translation>这不是有效的志愿者证编码。</translation>
    </message>
    <message>
        <source>The QR image size must be positive.</source>
        <translation>二维码图片尺寸必须大于零。</translation>
    </message>
    <message>
        <source>Volunteer No. {id} has no card.</source>
        <translation>编号为 {id} 的志愿者还没有志愿者证。</translation>
    </message>
    <message>
        <source>Volunteer Card</source>
        <translation>志愿者证</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>实践站</translation>
    </message>
    <message>
        <source>Show this code to sign in and out.</source>
        <translation>签到、签退时请出示此码。</translation>
    </message>
    <message>
        <source>Volunteer cards</source>
        <translation>志愿者证</translation>
    </message>
</context>
<context>
    <name>CardsForm</name>
    <message>
        <source>For</source>
        <translation>打印对象</translation>
    </message>
    <message>
        <source>One volunteer</source>
        <translation>单个志愿者</translation>
    </message>
    <message>
        <source>Every member of a team</source>
        <translation>队伍全体成员</translation>
    </message>
    <message>
        <source>Everyone enrolled in an event</source>
        <translation>活动的全部报名者</translation>
    </message>
    <message>
        <source>Ten cards to an A4 sheet, with cut marks. The QR holds only the card code.</source>
        <translation>每张 A4 纸 10 张志愿者证，带裁切线。二维码中只有志愿者证编码。</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <source>Search the catalogue</source>
        <translation>搜索兑换物品</translation>
    </message>
    <message>
        <source>Only items on offer</source>
        <translation>只显示在兑物品</translation>
    </message>
    <message>
        <source>New item…</source>
        <translation>新增物品…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Goods received…</source>
        <translation>物品入库…</translation>
    </message>
    <message>
        <source>Adjust stock…</source>
        <translation>调整库存…</translation>
    </message>
    <message>
        <source>Cancel redemption…</source>
        <translation>取消兑换…</translation>
    </message>
    <message>
        <source>Print receipt…</source>
        <translation>打印兑换单…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>兑换记录</translation>
    </message>
    <message>
        <source>Choose an item first.</source>
        <translation>请先选择一件物品。</translation>
    </message>
    <message>
        <source>Choose a redemption first.</source>
        <translation>请先选择一条兑换记录。</translation>
    </message>
    <message>
        <source>{name} hands back {items}: {points} points and the goods return to stock.</source>
        <translation>{name} 退回 {items}：退还 {points} 积分，物品重新入库。</translation>
    </message>
    <message>
        <source>Cancel redemption</source>
        <translation>取消兑换</translation>
    </message>
    <message>
        <source>Export redemptions</source>
        <translation>导出兑换记录</translation>
    </message>
    <message>
        <source>redemptions.xlsx</source>
        <translation>兑换记录.xlsx</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <source>Elderly and disability assistance</source>
        <translation>助老助残</translation>
    </message>
    <message>
        <source>Reading promotion and parent-child reading</source>
        <translation>全民阅读与亲子阅读</translation>
    </message>
    <message>
        <source>Civilized traffic</source>
        <translation>文明交通</translation>
    </message>
    <message>
        <source>Policy lectures</source>
        <translation>理论政策宣讲</translation>
    </message>
    <message>
        <source>Science popularisation</source>
        <translation>科学普及</translation>
    </message>
    <message>
        <source>Environmental protection</source>
        <translation>生态环保</translation>
    </message>
    <message>
        <source>Culture and arts</source>
        <translation>文化文艺</translation>
    </message>
    <message>
        <source>Other services</source>
        <translation>其他服务</translation>
    </message>
</context>
<context>
    <name>Certificate</name>
    <message>
        <source>COPY</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Service category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动次数</translation>
    </message>
    <message>
        <source>No approved service in this period.</source>
        <translation>本时段内没有审核通过的服务记录。</translation>
    </message>
    <message>
        <source>Volunteer Service Certificate</source>
        <translation>志愿服务证明</translation>
    </message>
    <message>
        <source>Certificate No.: {number}</source>
        <translation>证明编号：{number}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Volunteer No.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Service period</source>
        <translation>服务时段</translation>
    </message>
    <message>
        <source>{hours} hours</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>{count} times</source>
        <translation>{count} 次</translation>
    </message>
    <message>
        <source>Service content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>This is to certify that the volunteer named above took part in volunteer service with our organisation, and that the record above is true and complete.</source>
        <translation>兹证明上述志愿者在我单位参加志愿服务，以上记录真实、完整。</translation>
    </message>
    <message>
        <source>Hereby certified.</source>
        <translation>特此证明。</translation>
    </message>
    <message>
        <source>Issued by (seal)</source>
        <translation>出具单位（盖章）</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <source>Copy reprinted on {date}; the number is that of the original.</source>
        <translation>本件为 {date} 补打的副本，编号与原件相同。</translation>
    </message>
</context>
<context>
    <name>CertificateForm</name>
    <message>
        <source>For</source>
        <translation>出具对象</translation>
    </message>
    <message>
        <source>One volunteer</source>
        <translation>单个志愿者</translation>
    </message>
    <message>
        <source>Every member of a team who served</source>
        <translation>队伍中参与过服务的全部成员</translation>
    </message>
    <message>
        <source>Everyone who reached a new star level</source>
        <translation>所有新晋星级的志愿者</translation>
    </message>
    <message>
        <source>Service in the period</source>
        <translation>服务时段</translation>
    </message>
    <message>
        <source>Star level reached in</source>
        <translation>晋级时段</translation>
    </message>
    <message>
        <source>Printed under Remarks (optional)</source>
        <translation>打印在“备注”栏（选填）</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Print the full ID number</source>
        <translation>打印完整证件号码</translation>
    </message>
    <message>
        <source>Each certificate is numbered and entered in the register. A second certificate for the same period is refused: reprint it from the register instead.</source>
        <translation>每份证书都有编号并登记在册。同一时段不能重复出具，如需再次打印，请从证书登记簿补打。</translation>
    </message>
    <message>
        <source>Issue and preview</source>
        <translation>出具并预览</translation>
    </message>
</context>
<context>
    <name>CertificateModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>服务时段</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <source>Reprints</source>
        <translation>补打次数</translation>
    </message>
    <message>
        <source>hours up to {day}</source>
        <translation>截至 {day} 的服务时长</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <source>all up to {day}</source>
        <translation>截至 {day} 的全部记录</translation>
    </message>
    <message>
        <source>all records</source>
        <translation>全部记录</translation>
    </message>
</context>
<context>
    <name>Certificates</name>
    <message>
        <source>Service certificate</source>
        <translation>志愿服务证明</translation>
    </message>
    <message>
        <source>Honour certificate</source>
        <translation>荣誉证书</translation>
    </message>
    <message>
        <source>The period starts after it ends.</source>
        <translation>起始日期晚于截止日期。</translation>
    </message>
    <message>
        <source>The period cannot end in the future.</source>
        <translation>截止日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Certificate No. {number} was already issued for this on {date}. Reprint it instead.</source>
        <translation>已于 {date} 为此出具过证书（编号 {number}），请改为补打。</translation>
    </message>
    <message>
        <source>No volunteer with number {id}.</source>
        <translation>没有编号为 {id} 的志愿者。</translation>
    </message>
    <message>
        <source>Remarks are limited to 300 characters.</source>
        <translation>备注最多 300 个字。</translation>
    </message>
    <message>
        <source>{name} has no approved service hours in this period.</source>
        <translation>{name}在此时段内没有审核通过的服务时长。</translation>
    </message>
    <message>
        <source>No team with number {id}.</source>
        <translation>没有编号为 {id} 的队伍。</translation>
    </message>
    <message>
        <source>{name} has not reached this star level ({hours} approved hours).</source>
        <translation>{name}尚未达到此星级（已审核服务时长 {hours} 小时）。</translation>
    </message>
    <message>
        <source>Unknown kind of certificate.</source>
        <translation>未知的证书类型。</translation>
    </message>
    <message>
        <source>No certificate with number {number} in the register.</source>
        <translation>证书登记簿中没有编号为 {number} 的证书。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation>当前登录：{name}。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Nothing in this period.</source>
        <translation>本时段内没有数据。</translation>
    </message>
</context>
<context>
    <name>Checkin</name>
    <message>
        <source>Unknown card</source>
        <translation>无法识别的志愿者证</translation>
    </message>
    <message>
        <source>Replaced card</source>
        <translation>已换发的旧证</translation>
    </message>
    <message>
        <source>Check-in not open</source>
        <translation>未开放签到</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>未报名</translation>
    </message>
    <message>
        <source>Repeat scan</source>
        <translation>重复扫码</translation>
    </message>
    <message>
        <source>Already signed out</source>
        <translation>已签退</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>签退</translation>
    </message>
    <message>
        <source>This event is not open for check-in: it is {status}.</source>
        <translation>此活动未开放签到：当前状态为“{status}”。</translation>
    </message>
    <message>
        <source>Check-in for this event opens at {time}.</source>
        <translation>此活动 {time} 开始签到。</translation>
    </message>
    <message>
        <source>Check-in for this event closed at {time}.</source>
        <translation>此活动已于 {time} 截止签到。</translation>
    </message>
    <message>
        <source>The event ended at {time}; only sign-outs are taken now.</source>
        <translation>活动已于 {time} 结束，现在只能签退。</translation>
    </message>
    <message>
        <source>Unknown scan source: {source}</source>
        <translation>未知的扫码来源：{source}</translation>
    </message>
    <message>
        <source>Unknown card: this is not one of our volunteer cards.</source>
        <translation>无法识别：这不是本系统的志愿者证。</translation>
    </message>
    <message>
        <source>Unknown card: this card was never issued here.</source>
        <translation>无法识别：本站从未发放过这张志愿者证。</translation>
    </message>
    <message>
        <source>This card of {name} was replaced by a new one. Please use the new card.</source>
        <translation>{name}的这张志愿者证已换发新证，请使用新证。</translation>
    </message>
    <message>
        <source>This card of {name} was replaced by a new one ({time}). Please use the new card.</source>
        <translation>{name}的这张志愿者证已换发新证（{time}），请使用新证。</translation>
    </message>
    <message>
        <source>{name} was already signed in at {time}; this scan is a repeat.</source>
        <translation>{name}已于 {time} 签到，本次为重复扫码。</translation>
    </message>
    <message>
        <source>{name} was already signed out at {time}; this scan is a repeat.</source>
        <translation>{name}已于 {time} 签退，本次为重复扫码。</translation>
    </message>
    <message>
        <source>{name} already signed out at {time}.</source>
        <translation>{name}已于 {time} 签退。</translation>
    </message>
    <message>
        <source>{name} signed out at {time}: {hours} hours.</source>
        <translation>{name} {time} 签退成功，服务时长 {hours} 小时。</translation>
    </message>
    <message>
        <source>{name} is not an active volunteer and is not enrolled in this event.</source>
        <translation>{name}不是在册志愿者，也未报名此活动。</translation>
    </message>
    <message>
        <source>{name} is not enrolled in this event, and it takes no walk-ins.</source>
        <translation>{name}未报名此活动，且此活动不允许临时参加。</translation>
    </message>
    <message>
        <source>{name} signed in at {time} as a walk-in.</source>
        <translation>{name} {time} 签到成功（临时参加）。</translation>
    </message>
    <message>
        <source>{name} signed in at {time}.</source>
        <translation>{name} {time} 签到成功。</translation>
    </message>
    <message>
        <source>This volunteer has no card; issue one first.</source>
        <translation>该志愿者还没有志愿者证，请先发证。</translation>
    </message>
    <message>
        <source>There is no scan to undo.</source>
        <translation>没有可撤销的扫码记录。</translation>
    </message>
    <message>
        <source>This volunteer has signed out since; undo the sign-out first.</source>
        <translation>该志愿者之后已签退，请先撤销签退。</translation>
    </message>
    <message>
        <source>Undone: the sign-in of {name}.</source>
        <translation>已撤销{name}的签到。</translation>
    </message>
    <message>
        <source>Undone: the sign-out of {name}.</source>
        <translation>已撤销{name}的签退。</translation>
    </message>
</context>
<context>
    <name>CheckinConsole</name>
    <message>
        <source>Check-in: {title}</source>
        <translation>签到：{title}</translation>
    </message>
    <message>
        <source>{when} · {place} · {status}</source>
        <translation>{when} · {place} · {status}</translation>
    </message>
    <message>
        <source>no place given</source>
        <translation>未填写地点</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>Signed in now</source>
        <translation>在场</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>已签退</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>临时参加</translation>
    </message>
    <message>
        <source>Latest scans</source>
        <translation>最近扫码</translation>
    </message>
    <message>
        <source>Sign in by hand (F2)</source>
        <translation>手工签到 (F2)</translation>
    </message>
    <message>
        <source>New walk-in (F3)</source>
        <translation>临时参加登记 (F3)</translation>
    </message>
    <message>
        <source>Registering volunteers needs a coordinator&apos;s account.</source>
        <translation>登记新志愿者需要工作人员账号。</translation>
    </message>
    <message>
        <source>Undo last scan (Ctrl+Z)</source>
        <translation>撤销上一次扫码 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>提示音</translation>
    </message>
    <message>
        <source>Full screen (F11)</source>
        <translation>全屏 (F11)</translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation>签到员：{name}</translation>
    </message>
    <message>
        <source>The scan could not be saved: {error}</source>
        <translation>扫码记录未能保存：{error}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Nothing undone</source>
        <translation>无可撤销</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>No full screen</source>
        <translation>无法全屏</translation>
    </message>
    <message>
        <source>Full-screen kiosk mode is ended with a staff password, and this file has no staff accounts yet. Create one under Settings, Accounts.</source>
        <translation>全屏签到模式需要工作人员密码才能退出，而此数据文件还没有工作人员账号。请先在“设置”→“账号”中创建。</translation>
    </message>
    <message>
        <source>Leave full screen (F11)</source>
        <translation>退出全屏 (F11)</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>At the entrance of an event, the check-in console signs volunteers in and out when they show their card&apos;s QR code. Choose one of today&apos;s events to open it.</source>
        <translation>在活动入口处，志愿者出示志愿者证上的二维码，签到台即可为其签到、签退。请选择今天的一场活动打开签到台。</translation>
    </message>
    <message>
        <source>Open check-in console</source>
        <translation>打开签到台</translation>
    </message>
    <message>
        <source>No events today.</source>
        <translation>今天没有活动。</translation>
    </message>
    <message>
        <source>{n} events today</source>
        <translation>今天有 {n} 场活动</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>not a date (YYYY-MM-DD): {text}</source>
        <translation>不是有效日期（格式为 年-月-日，如 2024-05-01）：{text}</translation>
    </message>
    <message>
        <source>Demo data: {volunteers} volunteers, {teams} teams, {events} events, {scans} scans in {seconds:.1f} s. Open for check-in now: event {open_event}.</source>
        <translation>演示数据：{volunteers} 名志愿者、{teams} 支队伍、{events} 场活动、{scans} 条扫码记录，用时 {seconds:.1f} 秒。现在可签到的活动：编号 {open_event}。</translation>
    </message>
    <message>
        <source>--from is after --to.</source>
        <translation>起始日期（--from）晚于截止日期（--to）。</translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation>备份已保存到 {path}</translation>
    </message>
    <message>
        <source>Restored {volunteers} volunteers and {events} events from {path}. The replaced database was kept as {kept}.</source>
        <translation>已从 {path} 恢复 {volunteers} 名志愿者和 {events} 场活动。被替换的数据库已另存为 {kept}。</translation>
    </message>
    <message>
        <source>{file}: {rows} rows; {imported} imported, {updated} updated, {skipped} skipped (already registered), {rejected} rejected.</source>
        <translation>{file}：共 {rows} 行；导入 {imported} 行，更新 {updated} 行，跳过 {skipped} 行（已登记），未导入 {rejected} 行。</translation>
    </message>
    <message>
        <source>Dry run, nothing written. {summary}</source>
        <translation>试运行，未写入任何数据。{summary}</translation>
    </message>
    <message>
        <source>New teams: {names}</source>
        <translation>新建队伍：{names}</translation>
    </message>
    <message>
        <source>row {row}: {reason}: {message}</source>
        <translation>第 {row} 行：{reason}：{message}</translation>
    </message>
    <message>
        <source>Say which event: --event ID.</source>
        <translation>请用 --event 活动编号 指定活动。</translation>
    </message>
    <message>
        <source>Say where to write the export: --out FILE (.xlsx or .csv).</source>
        <translation>请用 --out 文件名 指定导出文件（.xlsx 或 .csv）。</translation>
    </message>
    <message>
        <source>{count} rows written to {path}</source>
        <translation>已将 {count} 行写入 {path}</translation>
    </message>
    <message>
        <source>Say whom to print for: --volunteer CODE, --team ID or --star-reached-from DATE --star-reached-to DATE.</source>
        <translation>请指定打印对象：--volunteer 志愿者证编码、--team 队伍编号，或 --star-reached-from 日期 --star-reached-to 日期。</translation>
    </message>
    <message>
        <source>Honour certificates are printed for --volunteer CODE or by star level reached.</source>
        <translation>荣誉证书须用 --volunteer 志愿者证编码 指定志愿者，或按达到的星级打印。</translation>
    </message>
    <message>
        <source>Say whose cards to print: --volunteer CODE, --team ID or --event ID.</source>
        <translation>请指定为谁打印志愿者证：--volunteer 志愿者证编码、--team 队伍编号 或 --event 活动编号。</translation>
    </message>
    <message>
        <source>Say which team: --team ID.</source>
        <translation>请用 --team 队伍编号 指定队伍。</translation>
    </message>
    <message>
        <source>The output file must end in .pdf: {path}</source>
        <translation>输出文件名须以 .pdf 结尾：{path}</translation>
    </message>
    <message>
        <source>Nothing to print. {reasons}</source>
        <translation>没有可打印的内容。{reasons}</translation>
    </message>
    <message>
        <source>{pages} pages written to {path}</source>
        <translation>已将 {pages} 页写入 {path}</translation>
    </message>
    <message>
        <source>Certificate numbers: {numbers}</source>
        <translation>证书编号：{numbers}</translation>
    </message>
    <message>
        <source>Skipped: {message}</source>
        <translation>已跳过：{message}</translation>
    </message>
    <message>
        <source>StationDesk: volunteers, events, check-in and certificates.</source>
        <translation>志愿服务工作台：志愿者、活动、签到与志愿服务证明。</translation>
    </message>
    <message>
        <source>the database file (default: $STATIONDESK_DB or the user data folder)</source>
        <translation>数据库文件（默认：环境变量 $STATIONDESK_DB 或用户数据文件夹）</translation>
    </message>
    <message>
        <source>language of the program</source>
        <translation>程序界面语言</translation>
    </message>
    <message>
        <source>fill the database with realistic demo data</source>
        <translation>在数据库中生成逼真的演示数据</translation>
    </message>
    <message>
        <source>list volunteers, teams or events</source>
        <translation>列出志愿者、队伍或活动</translation>
    </message>
    <message>
        <source>only what happens today</source>
        <translation>只列出今天的</translation>
    </message>
    <message>
        <source>search text</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <source>the station&apos;s figures for a period</source>
        <translation>实践站某一时段的统计数据</translation>
    </message>
    <message>
        <source>import a volunteer roster (xlsx or csv)</source>
        <translation>导入志愿者花名册（xlsx 或 csv）</translation>
    </message>
    <message>
        <source>check the file, write nothing</source>
        <translation>只检查文件，不写入数据</translation>
    </message>
    <message>
        <source>update volunteers whose ID number is already registered (default: skip them)</source>
        <translation>更新证件号码已登记的志愿者（默认跳过）</translation>
    </message>
    <message>
        <source>save the rejected rows to this .xlsx file</source>
        <translation>把未导入的行保存到此 .xlsx 文件</translation>
    </message>
    <message>
        <source>export a list to .xlsx or .csv</source>
        <translation>把名单导出为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <source>the file to write (.xlsx or .csv)</source>
        <translation>要写入的文件（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>hours: first event date</source>
        <translation>导出服务时长时：活动的起始日期</translation>
    </message>
    <message>
        <source>hours: last event date</source>
        <translation>导出服务时长时：活动的截止日期</translation>
    </message>
    <message>
        <source>attendance: the event&apos;s number</source>
        <translation>导出出勤记录时：活动编号</translation>
    </message>
    <message>
        <source>unmasked ID and phone numbers</source>
        <translation>显示完整的证件号码和手机号</translation>
    </message>
    <message>
        <source>print certificates, cards, sheets and reports to PDF</source>
        <translation>将证书、志愿者证、签到表和报表打印为 PDF</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>要写入的 PDF 文件</translation>
    </message>
    <message>
        <source>a volunteer&apos;s card code</source>
        <translation>志愿者证编码</translation>
    </message>
    <message>
        <source>a team&apos;s number</source>
        <translation>队伍编号</translation>
    </message>
    <message>
        <source>an event&apos;s number</source>
        <translation>活动编号</translation>
    </message>
    <message>
        <source>first day of the period</source>
        <translation>时段的第一天</translation>
    </message>
    <message>
        <source>last day of the period</source>
        <translation>时段的最后一天</translation>
    </message>
    <message>
        <source>certificates for everyone who reached a star level from this day</source>
        <translation>为自该日起达到星级的所有志愿者打印证书</translation>
    </message>
    <message>
        <source>... up to this day</source>
        <translation>……截至该日</translation>
    </message>
    <message>
        <source>honour: the star level</source>
        <translation>荣誉证书：星级</translation>
    </message>
    <message>
        <source>reprint a certificate as a copy</source>
        <translation>以副本形式补打证书</translation>
    </message>
    <message>
        <source>certificate: remarks printed on it</source>
        <translation>志愿服务证明：打印在证明上的备注</translation>
    </message>
    <message>
        <source>certificate: the full ID number</source>
        <translation>志愿服务证明：显示完整证件号码</translation>
    </message>
    <message>
        <source>unmasked phone numbers</source>
        <translation>显示完整手机号</translation>
    </message>
    <message>
        <source>sign-in sheet: rows for walk-ins</source>
        <translation>签到表：为临时参加者预留的空行数</translation>
    </message>
    <message>
        <source>open the check-in console for one event</source>
        <translation>打开某场活动的签到台</translation>
    </message>
    <message>
        <source>write a consistent copy of the database</source>
        <translation>生成一份完整一致的数据库备份</translation>
    </message>
    <message>
        <source>replace the database with a backup (checked first; the old one is kept)</source>
        <translation>用备份替换当前数据库（会先检查备份；原数据库会保留）</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Scheduling conflicts</source>
        <translation>时间安排冲突</translation>
    </message>
    <message>
        <source>Saving this would double-book:</source>
        <translation>保存后将出现以下重复安排：</translation>
    </message>
    <message>
        <source>You can go back and change the event, or save anyway and say why. The reason is kept with the event.</source>
        <translation>您可以返回修改活动，也可以填写理由后仍然保存。理由会随活动一并保存。</translation>
    </message>
    <message>
        <source>Reason, e.g. the two groups share the hall</source>
        <translation>理由，如：两支队伍共用大厅</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Place booked twice</source>
        <translation>场地重复预订</translation>
    </message>
    <message>
        <source>Volunteer in two events</source>
        <translation>志愿者同时报名两场活动</translation>
    </message>
    <message>
        <source>Team leader double-booked</source>
        <translation>队长时间冲突</translation>
    </message>
    <message>
        <source>{place} is already booked for {title} ({when}).</source>
        <translation>{place} 已被“{title}”占用（{when}）。</translation>
    </message>
    <message>
        <source>{name} is also enrolled in {title} ({when}).</source>
        <translation>{name}同时报名了“{title}”（{when}）。</translation>
    </message>
    <message>
        <source>Team leader {name} also leads {title} ({when}).</source>
        <translation>队长{name}同时负责“{title}”（{when}）。</translation>
    </message>
    <message>
        <source>... and {n} more.</source>
        <translation>……另有 {n} 处冲突。</translation>
    </message>
    <message>
        <source>This clashes with other events:</source>
        <translation>与以下活动冲突：</translation>
    </message>
    <message>
        <source>Say why the event should go ahead despite the clash.</source>
        <translation>请说明存在冲突仍要举办此活动的理由。</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>{hours} hours</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>Event No. {id}: the check-in console is open.</source>
        <translation>活动编号 {id}：签到台已打开。</translation>
    </message>
</context>
<context>
    <name>CorrectHoursDialog</name>
    <message>
        <source>Correct hours</source>
        <translation>更正服务时长</translation>
    </message>
    <message>
        <source>{name} at {event} on {date}, {clock}: {hours} hours ({minutes} minutes), {state}.</source>
        <translation>{name}参加{event}（{date}，{clock}）：{hours} 小时（{minutes} 分钟），{state}。</translation>
    </message>
    <message>
        <source>Original record</source>
        <translation>原记录</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>or</source>
        <translation>或</translation>
    </message>
    <message>
        <source>New hours</source>
        <translation>更正后时长</translation>
    </message>
    <message>
        <source>e.g. the volunteer left at 11:30, the leader confirmed</source>
        <translation>如：志愿者 11:30 离开，活动负责人已确认</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Registered volunteers</source>
        <translation>注册志愿者</translation>
    </message>
    <message>
        <source>New volunteers</source>
        <translation>新注册志愿者</translation>
    </message>
    <message>
        <source>Volunteers who served</source>
        <translation>参与服务的志愿者</translation>
    </message>
    <message>
        <source>Volunteer teams</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动场数</translation>
    </message>
    <message>
        <source>Events held</source>
        <translation>已开展活动</translation>
    </message>
    <message>
        <source>Volunteer-service instances</source>
        <translation>志愿服务人次</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>People served</source>
        <translation>服务对象人次</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>获得积分</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>Points outstanding</source>
        <translation>未兑换积分</translation>
    </message>
    <message>
        <source>Records waiting for review</source>
        <translation>待审核记录</translation>
    </message>
    <message>
        <source>{n}-star volunteers</source>
        <translation>{n}星志愿者</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start}至{end}</translation>
    </message>
    <message>
        <source>up to {end}</source>
        <translation>截至{end}</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>自{start}起</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Service hours by year</source>
        <translation>各年服务时长</translation>
    </message>
    <message>
        <source>Service hours by month</source>
        <translation>各月服务时长</translation>
    </message>
    <message>
        <source>New volunteers by year</source>
        <translation>各年新注册志愿者</translation>
    </message>
    <message>
        <source>New volunteers by month</source>
        <translation>各月新注册志愿者</translation>
    </message>
    <message>
        <source>Events by service category</source>
        <translation>各服务类别活动场数</translation>
    </message>
    <message>
        <source>Teams with the most service hours</source>
        <translation>服务时长最多的队伍</translation>
    </message>
    <message>
        <source>Upcoming events</source>
        <translation>近期活动</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>板块</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Overview {period}</source>
        <translation>概况 {period}</translation>
    </message>
</context>
<context>
    <name>DashboardReport</name>
    <message>
        <source>Volunteer Service Overview</source>
        <translation>志愿服务概况</translation>
    </message>
    <message>
        <source>{station} · {period}</source>
        <translation>{station} · {period}</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Events by service category</source>
        <translation>各服务类别活动场数</translation>
    </message>
    <message>
        <source>Teams with the most service hours</source>
        <translation>服务时长最多的队伍</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>报名人数</translation>
    </message>
    <message>
        <source>Upcoming events</source>
        <translation>近期活动</translation>
    </message>
    <message>
        <source>No events are planned.</source>
        <translation>暂无计划中的活动。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>待审记录</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>有标记</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Every service record has been reviewed.</source>
        <translation>所有服务记录均已审核。</translation>
    </message>
</context>
<context>
    <name>DataFile</name>
    <message>
        <source>The disk is full, so nothing was saved. Free some space on the disk (or choose another place) and try again; the data already saved is untouched.</source>
        <translation>磁盘已满，本次内容未保存。请清理磁盘空间（或换一个保存位置）后重试；之前已保存的数据不受影响。</translation>
    </message>
    <message>
        <source>The database file (or its folder) is read-only, so StationDesk cannot work with it; nothing was changed. Copy it to a folder you may write to, or remove the write protection, and open it again.</source>
        <translation>数据库文件（或其所在文件夹）为只读，志愿服务工作台无法使用它；未做任何改动。请把它复制到有写入权限的文件夹，或取消写保护，然后重新打开。</translation>
    </message>
    <message>
        <source>The database file is damaged. Restore the latest backup (Backups in the File menu, or `stationdesk restore FILE`).</source>
        <translation>数据库文件已损坏。请恢复最近的备份（“文件”菜单中的“备份”，或运行 `stationdesk restore 备份文件`）。</translation>
    </message>
    <message>
        <source>Another StationDesk window kept the database busy for too long; nothing was saved. Try again in a moment.</source>
        <translation>另一个志愿服务工作台窗口长时间占用数据库，本次内容未保存。请稍后重试。</translation>
    </message>
    <message>
        <source>The database file cannot be opened: check that its folder exists and that you may write to it.</source>
        <translation>无法打开数据库文件：请检查所在文件夹是否存在，以及是否有写入权限。</translation>
    </message>
    <message>
        <source>The disk reported an error while saving, so nothing was saved. Check the disk or USB drive and try again.</source>
        <translation>保存时磁盘报错，本次内容未保存。请检查磁盘或U盘后重试。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>{path} is not a StationDesk database file.</source>
        <translation>{path} 不是志愿服务工作台数据库文件。</translation>
    </message>
    <message>
        <source>This database was written by a newer StationDesk (schema {rev}). Install the newer program to open it.</source>
        <translation>此数据库由更新版本的志愿服务工作台创建（数据结构版本 {rev}），请安装新版程序后再打开。</translation>
    </message>
    <message>
        <source>{path} belongs to another program, not StationDesk.</source>
        <translation>{path} 属于其他程序，不是志愿服务工作台的数据文件。</translation>
    </message>
    <message>
        <source>{path} is damaged or is not a StationDesk database file.</source>
        <translation>{path} 已损坏，或不是志愿服务工作台数据库文件。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Making demo data was cancelled; nothing was saved.</source>
        <translation>已取消生成演示数据，未保存任何内容。</translation>
    </message>
    <message>
        <source>This database already holds volunteers. Demo data goes into an empty database; make a new one for it.</source>
        <translation>此数据库中已有志愿者。演示数据只能载入空数据库，请另建一个新数据库。</translation>
    </message>
    <message>
        <source>The number cannot be negative.</source>
        <translation>数量不能为负数。</translation>
    </message>
</context>
<context>
    <name>DemoDataDialog</name>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Made-up volunteers, teams, events and check-in scans, with events happening today, so you can try every page. Demo data goes only into a database that has no volunteers yet; keep it in a separate file from real records.</source>
        <translation>将添加虚构的志愿者、队伍、活动和签到扫码记录，其中包括今天举办的活动，方便您试用每个页面。演示数据只能载入还没有志愿者的数据库；请与真实记录分开，存放在单独的数据文件中。</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者人数</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>队伍数</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动场数</translation>
    </message>
    <message>
        <source>Check-in scans</source>
        <translation>签到扫码次数</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
</context>
<context>
    <name>DocumentForm</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>可能重复的志愿者</translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation>保留此记录</translation>
    </message>
    <message>
        <source>Merging moves the other record&apos;s scans, hours, points, enrolments and teams to the record kept, revokes its card and removes it. It cannot be undone.</source>
        <translation>合并会把另一条记录的扫码、服务时长、积分、报名和所属队伍转到保留的记录上，注销其志愿者证并删除该记录。合并后无法撤销。</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>No likely duplicates found.</source>
        <translation>未发现可能重复的记录。</translation>
    </message>
    <message>
        <source>The first {n} pairs found. Merge or leave them, then look again.</source>
        <translation>以下是找到的前 {n} 对。请合并或保留，然后再次查找。</translation>
    </message>
    <message>
        <source>Pairs that may be one person: {n}</source>
        <translation>可能是同一个人的记录：{n} 对</translation>
    </message>
    <message>
        <source>Merge volunteers</source>
        <translation>合并志愿者</translation>
    </message>
    <message>
        <source>Merge {drop} (No. {drop_id}) into {keep} (No. {keep_id})? No. {drop_id} is removed; this cannot be undone.</source>
        <translation>将{drop}（编号 {drop_id}）合并到{keep}（编号 {keep_id}）吗？编号 {drop_id} 将被删除，且无法撤销。</translation>
    </message>
</context>
<context>
    <name>Enrolment</name>
    <message>
        <source>Enrolled</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已取消报名</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Nobody can enrol in a finished or cancelled event.</source>
        <translation>已结束或已取消的活动不能报名。</translation>
    </message>
    <message>
        <source>Volunteer No. {id} is not an active registered volunteer.</source>
        <translation>编号为 {id} 的志愿者不是在册的有效志愿者。</translation>
    </message>
    <message>
        <source>This team has no active members.</source>
        <translation>这支队伍没有在册成员。</translation>
    </message>
    <message>
        <source>This volunteer is not enrolled in the event.</source>
        <translation>该志愿者未报名此活动。</translation>
    </message>
    <message>
        <source>No-shows are marked once the event has taken place.</source>
        <translation>活动举办之后才能标记未到。</translation>
    </message>
    <message>
        <source>{name} signed in at this event, so cannot be a no-show.</source>
        <translation>{name}已在此活动签到，不能标记为未到。</translation>
    </message>
</context>
<context>
    <name>EnrolmentModel</name>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>志愿者证编码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>临时参加</translation>
    </message>
</context>
<context>
    <name>EnrolmentPanel</name>
    <message>
        <source>Find a volunteer: name, pinyin initials, phone or card code</source>
        <translation>查找志愿者：姓名、拼音首字母、手机号或志愿者证编码</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Choose a team</source>
        <translation>选择队伍</translation>
    </message>
    <message>
        <source>Enrol the whole team</source>
        <translation>全队报名</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>取消报名</translation>
    </message>
    <message>
        <source>Mark as no-show</source>
        <translation>标记为未到</translation>
    </message>
    <message>
        <source>Not a no-show</source>
        <translation>取消未到标记</translation>
    </message>
    <message>
        <source>Everyone who did not sign in is a no-show</source>
        <translation>未签到者全部标记为未到</translation>
    </message>
    <message>
        <source>Add volunteers</source>
        <translation>添加志愿者</translation>
    </message>
    <message>
        <source>Or a whole team</source>
        <translation>或整支队伍</translation>
    </message>
    <message>
        <source>{name} ({n} members)</source>
        <translation>{name}（{n} 名成员）</translation>
    </message>
    <message>
        <source>Save the event first, then enrol volunteers here.</source>
        <translation>请先保存活动，再在这里为志愿者报名。</translation>
    </message>
    <message>
        <source>Enrolled {n} of {capacity}</source>
        <translation>已报名 {n} / {capacity}</translation>
    </message>
    <message>
        <source>Enrolled {n}</source>
        <translation>已报名 {n} 人</translation>
    </message>
    <message>
        <source>{n} on the waiting list</source>
        <translation>候补 {n} 人</translation>
    </message>
    <message>
        <source>{n} no-shows</source>
        <translation>未到 {n} 人</translation>
    </message>
    <message>
        <source>Choose a team from the list first.</source>
        <translation>请先从列表中选择一支队伍。</translation>
    </message>
    <message>
        <source>Cannot enrol</source>
        <translation>无法报名</translation>
    </message>
    <message>
        <source>{n} enrolled.</source>
        <translation>已报名 {n} 人。</translation>
    </message>
    <message>
        <source>{n} joined the waiting list: the event is full.</source>
        <translation>活动已满员，{n} 人进入候补。</translation>
    </message>
    <message>
        <source>{n} were already on the list.</source>
        <translation>{n} 人已在名单中。</translation>
    </message>
    <message>
        <source>Cannot withdraw</source>
        <translation>无法取消报名</translation>
    </message>
    <message>
        <source>{n} withdrawn.</source>
        <translation>已为 {n} 人取消报名。</translation>
    </message>
    <message>
        <source>{n} moved up from the waiting list.</source>
        <translation>{n} 人由候补转为已报名。</translation>
    </message>
    <message>
        <source>Cannot mark no-shows</source>
        <translation>无法标记未到</translation>
    </message>
    <message>
        <source>{n} changed.</source>
        <translation>已更改 {n} 人。</translation>
    </message>
</context>
<context>
    <name>EventCalendar</name>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部服务类别</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>MMM d</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>{n} events shown</source>
        <translation>显示 {n} 场活动</translation>
    </message>
    <message>
        <source>Cannot move the event</source>
        <translation>无法移动活动</translation>
    </message>
</context>
<context>
    <name>EventDetails</name>
    <message>
        <source>Event</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Activity leader</source>
        <translation>活动负责人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Service content</source>
        <translation>服务内容</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Start from a template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结项</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>存为模板…</translation>
    </message>
    <message>
        <source>Skip this date</source>
        <translation>跳过这一场</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>e.g. Parent-child reading hour</source>
        <translation>如：亲子阅读时光</translation>
    </message>
    <message>
        <source>Service category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>实践站</translation>
    </message>
    <message>
        <source>Organising team</source>
        <translation>组织队伍</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>招募名额</translation>
    </message>
    <message>
        <source>Past this number volunteers join a waiting list.</source>
        <translation>报名超过此人数后，志愿者进入候补。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Service content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>e.g. elderly people living alone in the community</source>
        <translation>如：社区独居老人</translation>
    </message>
    <message>
        <source>Activity leader</source>
        <translation>活动负责人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>活动说明</translation>
    </message>
    <message>
        <source>Volunteers who did not enrol may sign in (flagged as walk-ins)</source>
        <translation>允许未报名的志愿者签到（标记为临时参加）</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>临时参加</translation>
    </message>
    <message>
        <source> min before the start</source>
        <translation> 分钟（活动开始前）</translation>
    </message>
    <message>
        <source>Sign-in opens</source>
        <translation>提前开放签到</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Repeat scans ignored for</source>
        <translation>重复扫码忽略时间</translation>
    </message>
    <message>
        <source>A second scan this soon after the first is a duplicate, not a sign-out.</source>
        <translation>在此时间内再次扫码视为重复扫码，不算签退。</translation>
    </message>
    <message>
        <source>Hours rounding</source>
        <translation>时长取整规则</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>不设上限</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Most hours credited</source>
        <translation>最多计入时长</translation>
    </message>
    <message>
        <source>Repeat this event</source>
        <translation>重复举办此活动</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复方式</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>间隔（周/月）</translation>
    </message>
    <message>
        <source>1 = every week (or month), 2 = every other...</source>
        <translation>1 = 每周（或每月），2 = 隔一周（或隔一个月），依此类推</translation>
    </message>
    <message>
        <source>On these days</source>
        <translation>周几</translation>
    </message>
    <message>
        <source>Monthly on</source>
        <translation>每月的</translation>
    </message>
    <message>
        <source>On date</source>
        <translation>截止于</translation>
    </message>
    <message>
        <source>After</source>
        <translation>重复</translation>
    </message>
    <message>
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message>
        <source>People served</source>
        <translation>服务对象人次</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Quality evaluation</source>
        <translation>服务质量评价</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>活动总结</translation>
    </message>
    <message>
        <source>What was done, for whom, anything to remember next time</source>
        <translation>做了什么、为谁服务、下次需要注意什么</translation>
    </message>
    <message>
        <source>Close the event</source>
        <translation>活动结项</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>Repeat a brand project weekly or monthly; each date becomes its own event.</source>
        <translation>品牌项目可按周或按月重复举办，每一场都是一个独立的活动。</translation>
    </message>
    <message>
        <source>Part of a series: {rule}. Changing the rule here changes this and the following dates.</source>
        <translation>属于周期活动：{rule}。在此修改规则，将同时修改这一场及之后各场。</translation>
    </message>
    <message>
        <source>This event does not repeat.</source>
        <translation>此活动不重复举办。</translation>
    </message>
    <message>
        <source>Closed {when}. Corrections to these details are recorded.</source>
        <translation>已于 {when} 结项。对这些信息的更正都会留下记录。</translation>
    </message>
    <message>
        <source>Save corrections</source>
        <translation>保存更正</translation>
    </message>
    <message>
        <source>Closing marks the event finished and sends its service hours to review.</source>
        <translation>结项后活动标记为已结束，服务时长提交审核。</translation>
    </message>
    <message>
        <source>An event can be closed once it has started.</source>
        <translation>活动开始后才能结项。</translation>
    </message>
    <message>
        <source>Day {day} of the month</source>
        <translation>每月 {day} 日</translation>
    </message>
    <message>
        <source>The {which} {weekday}</source>
        <translation>{which}个{weekday}</translation>
    </message>
    <message>
        <source>The last {weekday}</source>
        <translation>最后一个{weekday}</translation>
    </message>
    <message>
        <source>{rule}: {n} events, {first} to {last}.</source>
        <translation>{rule}：共 {n} 场活动，{first} 至 {last}。</translation>
    </message>
    <message>
        <source>Saved. You can enrol volunteers now.</source>
        <translation>已保存，现在可以为志愿者报名了。</translation>
    </message>
    <message>
        <source>Skip this date of the series? If volunteers have enrolled, the event is cancelled instead of deleted.</source>
        <translation>跳过周期活动中的这一场吗？如果已有志愿者报名，这场活动将被取消而不是删除。</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>存为模板</translation>
    </message>
    <message>
        <source>Template name (e.g. the brand project&apos;s name):</source>
        <translation>模板名称（如品牌项目名称）：</translation>
    </message>
    <message>
        <source>Saved as template {name}.</source>
        <translation>已存为模板“{name}”。</translation>
    </message>
    <message>
        <source>Repeating event</source>
        <translation>周期活动</translation>
    </message>
    <message>
        <source>Change only this date, or this and all following dates of the series?</source>
        <translation>只修改这一场，还是修改这一场及之后的所有场次？</translation>
    </message>
    <message>
        <source>Only this event</source>
        <translation>仅此场活动</translation>
    </message>
    <message>
        <source>This and following events</source>
        <translation>此场及之后的活动</translation>
    </message>
</context>
<context>
    <name>EventModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Service category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已报名</translation>
    </message>
</context>
<context>
    <name>EventPicker</name>
    <message>
        <source>Search events by title or place</source>
        <translation>按活动名称或地点搜索</translation>
    </message>
    <message>
        <source>Last 30 and next 60 days</source>
        <translation>过去 30 天和未来 60 天</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>{title}, {when}</source>
        <translation>{title}，{when}</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>No event with number {id}.</source>
        <translation>没有编号为 {id} 的活动。</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>优秀</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Satisfactory</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Unsatisfactory</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>The event needs a title.</source>
        <translation>请填写活动名称。</translation>
    </message>
    <message>
        <source>The event needs a start and an end time.</source>
        <translation>请填写活动的开始时间和结束时间。</translation>
    </message>
    <message>
        <source>The event must end after it starts.</source>
        <translation>活动结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>An event cannot last more than seven days.</source>
        <translation>一场活动不能超过七天。</translation>
    </message>
    <message>
        <source>Unknown service category: {category}</source>
        <translation>未知的服务类别：{category}</translation>
    </message>
    <message>
        <source>The capacity cannot be negative.</source>
        <translation>招募人数不能为负数。</translation>
    </message>
    <message>
        <source>Unknown rounding rule.</source>
        <translation>未知的时长取整规则。</translation>
    </message>
    <message>
        <source>The hours cap cannot be negative.</source>
        <translation>服务时长上限不能为负数。</translation>
    </message>
    <message>
        <source>Check-in windows cannot be negative.</source>
        <translation>签到时间窗口不能为负数。</translation>
    </message>
    <message>
        <source>No team with number {id}.</source>
        <translation>没有编号为 {id} 的队伍。</translation>
    </message>
    <message>
        <source>Unknown status.</source>
        <translation>未知的状态。</translation>
    </message>
    <message>
        <source>A finished or cancelled event cannot be edited.</source>
        <translation>已结束或已取消的活动不能修改。</translation>
    </message>
    <message>
        <source>An event that is {old} cannot become {new}.</source>
        <translation>活动状态不能从“{old}”改为“{new}”。</translation>
    </message>
    <message>
        <source>An event cannot be closed before it starts ({time}).</source>
        <translation>活动开始（{time}）之前不能结项。</translation>
    </message>
    <message>
        <source>The number of people served cannot be negative.</source>
        <translation>服务对象人次不能为负数。</translation>
    </message>
    <message>
        <source>Choose a quality evaluation.</source>
        <translation>请选择服务质量评价。</translation>
    </message>
    <message>
        <source>The summary is too long ({n} characters at most).</source>
        <translation>活动总结太长（最多 {n} 个字）。</translation>
    </message>
    <message>
        <source>Only a published or ongoing event can be closed; this one is {status}.</source>
        <translation>只有已发布或进行中的活动才能结项；此活动当前为“{status}”。</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <source>Search events by title or place</source>
        <translation>按活动名称或地点搜索</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All but cancelled</source>
        <translation>不含已取消</translation>
    </message>
    <message>
        <source>Chosen days…</source>
        <translation>自选日期…</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Volunteer cards</source>
        <translation>志愿者证</translation>
    </message>
    <message>
        <source>Attendance report</source>
        <translation>活动出勤报告</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>共 {n} 场活动</translation>
    </message>
    <message>
        <source>search “{text}”</source>
        <translation>搜索“{text}”</translation>
    </message>
    <message>
        <source>events held</source>
        <translation>已开展活动</translation>
    </message>
    <message>
        <source>events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>全部活动</translation>
    </message>
</context>
<context>
    <name>ExchangeCounter</name>
    <message>
        <source>Scan the volunteer&apos;s card, or type a name, initials or phone</source>
        <translation>扫志愿者证，或输入姓名、拼音首字母或手机号</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>No volunteer chosen.</source>
        <translation>尚未选择志愿者。</translation>
    </message>
    <message>
        <source>Add to basket</source>
        <translation>加入兑换单</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Note (optional), e.g. collected by a relative</source>
        <translation>备注（选填），如：由家属代领</translation>
    </message>
    <message>
        <source>Print a receipt</source>
        <translation>打印兑换单</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>可兑换物品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Basket</source>
        <translation>兑换单</translation>
    </message>
    <message>
        <source>No volunteer matches {text}.</source>
        <translation>没有与“{text}”匹配的志愿者。</translation>
    </message>
    <message>
        <source>Choose an item in the catalogue first.</source>
        <translation>请先在物品列表中选择一件物品。</translation>
    </message>
    <message>
        <source>No volunteer chosen: scan a card or search above.</source>
        <translation>尚未选择志愿者：请扫志愿者证或在上方搜索。</translation>
    </message>
    <message>
        <source>{name} · {code}</source>
        <translation>{name} · {code}</translation>
    </message>
    <message>
        <source>no card</source>
        <translation>无志愿者证</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} 积分</translation>
    </message>
    <message>
        <source>Total {total} · left after {left}</source>
        <translation>合计 {total} · 兑换后剩余 {left}</translation>
    </message>
    <message>
        <source>Total {total}</source>
        <translation>合计 {total}</translation>
    </message>
    <message>
        <source>{name} redeemed {points} points; {left} left (receipt {id}).</source>
        <translation>{name} 兑换了 {points} 积分，剩余 {left} 积分（兑换单 {id}）。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Save as .xlsx or .csv, not {name}.</source>
        <translation>请保存为 .xlsx 或 .csv 格式，而不是 {name}。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>志愿者证编码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>所在队伍</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
</context>
<context>
    <name>ExportVolunteersDialog</name>
    <message>
        <source>Export volunteers</source>
        <translation>导出志愿者</translation>
    </message>
    <message>
        <source>The {n} volunteers in the filtered list will be written, in the list&apos;s order.</source>
        <translation>将按列表顺序导出筛选后的 {n} 名志愿者。</translation>
    </message>
    <message>
        <source>All {n} volunteers will be written, in the list&apos;s order.</source>
        <translation>将按列表顺序导出全部 {n} 名志愿者。</translation>
    </message>
    <message>
        <source>ID numbers and phones are masked, e.g. 220103********1234 and 138****5678.</source>
        <translation>证件号码和手机号将部分隐藏，如 220103********1234 和 138****5678。</translation>
    </message>
    <message>
        <source>Full ID numbers and phones</source>
        <translation>完整证件号码和手机号</translation>
    </message>
    <message>
        <source>Recorded in the audit log. Keep such a file safe.</source>
        <translation>此操作会记入操作日志。请妥善保管导出的文件。</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>The list is empty: there is nothing to export.</source>
        <translation>列表为空，没有可导出的内容。</translation>
    </message>
    <message>
        <source>volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <source>Scan a card</source>
        <translation>请扫码</translation>
    </message>
    <message>
        <source>Hold the QR code of the volunteer card under the scanner or in front of the camera.</source>
        <translation>请将志愿者证上的二维码对准扫码枪或摄像头。</translation>
    </message>
</context>
<context>
    <name>FilterNote</name>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>up to {end}</source>
        <translation>截至{end}</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>自{start}起</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Clear these filters and show the whole list</source>
        <translation>清除这些筛选条件，显示完整列表</translation>
    </message>
    <message>
        <source>Showing: {what} (from the overview)</source>
        <translation>当前显示：{what}（从概览打开）</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator account</source>
        <translation>创建管理员账号</translation>
    </message>
    <message>
        <source>StationDesk keeps personal data and official service hours, so everyone signs in. The administrator manages settings, backups and the other staff accounts. Keep this password safe: nobody can read it back.</source>
        <translation>志愿服务工作台保存个人信息和正式的服务时长记录，因此每个人都需要登录。管理员负责设置、备份和其他工作人员账号。请妥善保管此密码：任何人都无法找回。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>One word, e.g. wangfang.</source>
        <translation>不含空格，可用姓名拼音，如 wangfang。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>At least {n} characters.</source>
        <translation>至少 {n} 个字符。</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Honour</name>
    <message>
        <source>One-Star Volunteer</source>
        <translation>一星级志愿者</translation>
    </message>
    <message>
        <source>Two-Star Volunteer</source>
        <translation>二星级志愿者</translation>
    </message>
    <message>
        <source>Three-Star Volunteer</source>
        <translation>三星级志愿者</translation>
    </message>
    <message>
        <source>Four-Star Volunteer</source>
        <translation>四星级志愿者</translation>
    </message>
    <message>
        <source>Five-Star Volunteer</source>
        <translation>五星级志愿者</translation>
    </message>
    <message>
        <source>Certificate of Honour</source>
        <translation>荣誉证书</translation>
    </message>
    <message>
        <source>{name}:</source>
        <translation>{name} 同志：</translation>
    </message>
    <message>
        <source>In recognition of your outstanding volunteer service: by {date} you had given {hours} hours of service, and after review you are awarded the title of</source>
        <translation>您在志愿服务中表现突出，截至{date}累计服务时长 {hours} 小时，经审核，特授予您</translation>
    </message>
    <message>
        <source>With our thanks and encouragement.</source>
        <translation>特发此证，以资鼓励。</translation>
    </message>
</context>
<context>
    <name>HonourForm</name>
    <message>
        <source>For</source>
        <translation>出具对象</translation>
    </message>
    <message>
        <source>One volunteer</source>
        <translation>单个志愿者</translation>
    </message>
    <message>
        <source>Everyone who reached a new star level</source>
        <translation>所有新晋星级的志愿者</translation>
    </message>
    <message>
        <source>The level their hours give</source>
        <translation>按服务时长对应的星级</translation>
    </message>
    <message>
        <source>{n} stars</source>
        <translation>{n}星</translation>
    </message>
    <message>
        <source>Star level</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Star level reached in</source>
        <translation>晋级时段</translation>
    </message>
    <message>
        <source>Honour certificates are numbered and registered like service certificates.</source>
        <translation>荣誉证书与志愿服务证明一样编号并登记在册。</translation>
    </message>
    <message>
        <source>Issue and preview</source>
        <translation>出具并预览</translation>
    </message>
</context>
<context>
    <name>Hours</name>
    <message>
        <source>No sign-out: closed at the event&apos;s end</source>
        <translation>未签退：按活动结束时间计</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>临时参加</translation>
    </message>
    <message>
        <source>Capped at the event&apos;s limit</source>
        <translation>已按活动时长上限计</translation>
    </message>
    <message>
        <source>Corrected by staff</source>
        <translation>工作人员已更正</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被更正</translation>
    </message>
    <message>
        <source>Exact minutes</source>
        <translation>按实际分钟数</translation>
    </message>
    <message>
        <source>Down to the quarter hour</source>
        <translation>向下取整到 15 分钟</translation>
    </message>
    <message>
        <source>Down to the half hour</source>
        <translation>向下取整到半小时</translation>
    </message>
    <message>
        <source>To the nearest half hour</source>
        <translation>四舍五入到半小时</translation>
    </message>
    <message>
        <source>Down to the whole hour</source>
        <translation>向下取整到整小时</translation>
    </message>
    <message>
        <source>A draft or cancelled event has no service hours.</source>
        <translation>草稿或已取消的活动不计服务时长。</translation>
    </message>
    <message>
        <source>The event has not ended yet; its hours are worked out after {time}.</source>
        <translation>活动尚未结束，服务时长将在 {time} 之后核算。</translation>
    </message>
    <message>
        <source>Unknown review state: {state}</source>
        <translation>未知的审核状态：{state}</translation>
    </message>
    <message>
        <source>The list cannot be sorted that way.</source>
        <translation>列表不能按这种方式排序。</translation>
    </message>
    <message>
        <source>Choose at least one record.</source>
        <translation>请至少选择一条记录。</translation>
    </message>
    <message>
        <source>No service record with number {id}.</source>
        <translation>没有编号为 {id} 的服务记录。</translation>
    </message>
    <message>
        <source>Say why the hours are corrected.</source>
        <translation>请填写更正服务时长的原因。</translation>
    </message>
    <message>
        <source>A correction must be made by a named staff member.</source>
        <translation>更正必须由具名的工作人员进行。</translation>
    </message>
    <message>
        <source>The minutes must be a whole number.</source>
        <translation>分钟数必须是整数。</translation>
    </message>
    <message>
        <source>The minutes cannot be negative.</source>
        <translation>分钟数不能为负数。</translation>
    </message>
    <message>
        <source>More than 24 hours a day of the event cannot be credited.</source>
        <translation>活动每天最多计 24 小时服务时长。</translation>
    </message>
    <message>
        <source>This event credits at most {hours} hours.</source>
        <translation>此活动最多计 {hours} 小时服务时长。</translation>
    </message>
    <message>
        <source>This record was already replaced; correct the newest one instead.</source>
        <translation>此记录已被更正过，请更正最新的那一条。</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>志愿者证编码</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>State</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>签退时间</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤记录</translation>
    </message>
</context>
<context>
    <name>HoursReviewModel</name>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>签退时间</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
</context>
<context>
    <name>HoursReviewPage</name>
    <message>
        <source>Hours review</source>
        <translation>服务时长审核</translation>
    </message>
    <message>
        <source>Approve selected</source>
        <translation>通过所选</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>不通过…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Search by volunteer, card code or event</source>
        <translation>按志愿者、志愿者证编码或活动搜索</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Flagged (pending)</source>
        <translation>有标记（待审核）</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>{pending} pending, {flagged} of them flagged · {shown} shown</source>
        <translation>待审核 {pending} 条，其中 {flagged} 条有标记 · 显示 {shown} 条</translation>
    </message>
    <message>
        <source>{n} record(s) approved.</source>
        <translation>已通过 {n} 条记录。</translation>
    </message>
    <message>
        <source>{done} {n} were already decided and left as they are.</source>
        <translation>{done}另有 {n} 条已审核过，保持不变。</translation>
    </message>
    <message>
        <source>Reject hours</source>
        <translation>审核不通过</translation>
    </message>
    <message>
        <source>{n} selected record(s) are no longer shown and were unselected.</source>
        <translation>有 {n} 条已选记录不再显示，已取消选择。</translation>
    </message>
    <message>
        <source>Why are these hours not credited? (optional)</source>
        <translation>为什么不计入这些服务时长？（选填）</translation>
    </message>
    <message>
        <source>{n} record(s) rejected.</source>
        <translation>{n} 条记录未通过。</translation>
    </message>
    <message>
        <source>Hours corrected for {name}.</source>
        <translation>已更正{name}的服务时长。</translation>
    </message>
</context>
<context>
    <name>IdCard</name>
    <message>
        <source>The ID number was stored as a number by the spreadsheet and has lost digits; format the column as text and type it again.</source>
        <translation>身份证号被表格软件存成了数字，末尾几位已丢失；请把该列设为“文本”格式后重新输入。</translation>
    </message>
    <message>
        <source>The ID number is missing.</source>
        <translation>缺少证件号码。</translation>
    </message>
    <message>
        <source>This is an old 15-digit ID number; the 18-character number is needed.</source>
        <translation>这是旧的 15 位身份证号，请填写 18 位身份证号。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters: 17 digits and a digit or X.</source>
        <translation>身份证号为 18 位：前 17 位是数字，最后一位是数字或 X。</translation>
    </message>
    <message>
        <source>The birth date inside the ID number is not a real date.</source>
        <translation>身份证号中的出生日期不是有效日期。</translation>
    </message>
    <message>
        <source>The last character of the ID number does not match (wrong check digit).</source>
        <translation>身份证号最后一位校验码不正确。</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>The window will be yours; {name} is signed out.</source>
        <translation>将切换到您的账号，{name}将退出登录。</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>StationDesk locked itself after a while without use. {name}, type your password.</source>
        <translation>志愿服务工作台因一段时间无人操作已自动锁定。{name}，请输入密码。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Name missing</source>
        <translation>缺少姓名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number missing</source>
        <translation>缺少证件号码</translation>
    </message>
    <message>
        <source>ID number damaged by Excel</source>
        <translation>证件号码被 Excel 改坏</translation>
    </message>
    <message>
        <source>Old 15-digit ID number</source>
        <translation>旧版 15 位身份证号</translation>
    </message>
    <message>
        <source>ID number malformed</source>
        <translation>证件号码格式错误</translation>
    </message>
    <message>
        <source>Birth date in ID impossible</source>
        <translation>身份证号中的出生日期无效</translation>
    </message>
    <message>
        <source>ID check digit wrong</source>
        <translation>身份证号校验码错误</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Phone already registered</source>
        <translation>手机号已登记</translation>
    </message>
    <message>
        <source>Name too long</source>
        <translation>姓名太长</translation>
    </message>
    <message>
        <source>ID type unknown</source>
        <translation>证件类型未知</translation>
    </message>
    <message>
        <source>ID number not valid</source>
        <translation>证件号码无效</translation>
    </message>
    <message>
        <source>Gender not valid</source>
        <translation>性别无效</translation>
    </message>
    <message>
        <source>Birth date not valid</source>
        <translation>出生日期无效</translation>
    </message>
    <message>
        <source>Phone number not valid</source>
        <translation>手机号无效</translation>
    </message>
    <message>
        <source>Registration date not valid</source>
        <translation>注册日期无效</translation>
    </message>
    <message>
        <source>Duplicate row</source>
        <translation>重复行</translation>
    </message>
    <message>
        <source>Not a date: {text}. Write it as 2023-05-01.</source>
        <translation>不是有效日期：{text}。请写成 2023-05-01 这样的格式。</translation>
    </message>
    <message>
        <source>The same ID number as row {row}; this row was left out.</source>
        <translation>证件号码与第 {row} 行相同，本行未导入。</translation>
    </message>
    <message>
        <source>The same phone number as row {row}; this row was left out.</source>
        <translation>手机号与第 {row} 行相同，本行未导入。</translation>
    </message>
    <message>
        <source>This phone number is already registered for {name} (No. {id}).</source>
        <translation>该手机号已登记在 {name}（编号 {id}）名下。</translation>
    </message>
    <message>
        <source>The import was stopped; nothing was written.</source>
        <translation>导入已停止，未写入任何数据。</translation>
    </message>
    <message>
        <source>Row in original file</source>
        <translation>原文件行号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{file} is in the old Excel format. Open it in Excel or WPS and save it as an .xlsx workbook.</source>
        <translation>{file} 是旧版 Excel 格式。请用 Excel 或 WPS 打开，另存为 .xlsx 工作簿。</translation>
    </message>
    <message>
        <source>{file} is not an Excel workbook (.xlsx) or a CSV file.</source>
        <translation>{file} 不是 Excel 工作簿（.xlsx）或 CSV 文件。</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Excel workbook: {error}</source>
        <translation>无法按 Excel 工作簿读取 {file}：{error}</translation>
    </message>
    <message>
        <source>No header row found in {file}: the roster needs a row of column names such as 姓名 and 身份证号 near the top.</source>
        <translation>{file} 中找不到表头：花名册顶部需要有一行列名，如“姓名”“身份证号”。</translation>
    </message>
    <message>
        <source>Choose the column that holds the {field}.</source>
        <translation>请选择“{field}”所在的列。</translation>
    </message>
    <message>
        <source>Two columns are set to {field}; choose one.</source>
        <translation>有两列都对应“{field}”，请只保留一列。</translation>
    </message>
    <message>
        <source>Unknown field: {field}</source>
        <translation>未知的字段：{field}</translation>
    </message>
    <message>
        <source>There is no file {file}.</source>
        <translation>找不到文件 {file}。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import volunteer roster</source>
        <translation>导入志愿者花名册</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or a CSV file</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>The row of the sheet that holds the column names</source>
        <translation>工作表中列名（表头）所在的行</translation>
    </message>
    <message>
        <source>Column names are on row</source>
        <translation>列名所在行</translation>
    </message>
    <message>
        <source>Columns: check which column fills which field</source>
        <translation>列对应：请核对每一列导入到哪个字段</translation>
    </message>
    <message>
        <source>Skip them (keep what is registered)</source>
        <translation>跳过（保留已登记的信息）</translation>
    </message>
    <message>
        <source>Update them with the values in the file</source>
        <translation>用文件中的内容更新</translation>
    </message>
    <message>
        <source>ID numbers already registered</source>
        <translation>证件号码已登记的志愿者</translation>
    </message>
    <message>
        <source>Choose a roster file to begin.</source>
        <translation>请先选择花名册文件。</translation>
    </message>
    <message>
        <source>Check file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>A dry run: see what would be imported; nothing is written</source>
        <translation>试运行：查看将导入哪些内容，不写入任何数据</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>保存未导入的行…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose a roster</source>
        <translation>选择花名册</translation>
    </message>
    <message>
        <source>Rosters (*.xlsx *.xlsm *.csv *.txt);;All files (*)</source>
        <translation>花名册 (*.xlsx *.xlsm *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”</source>
        <translation>工作表“{sheet}”</translation>
    </message>
    <message>
        <source>text encoding {encoding}</source>
        <translation>文本编码 {encoding}</translation>
    </message>
    <message>
        <source>column names on row {row}</source>
        <translation>列名在第 {row} 行</translation>
    </message>
    <message>
        <source>about {n} rows below them</source>
        <translation>其下约 {n} 行</translation>
    </message>
    <message>
        <source>Check the columns, then press Check file.</source>
        <translation>请核对各列，然后点击“检查文件”。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Example values</source>
        <translation>示例内容</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>(column {n}, no name)</source>
        <translation>（第 {n} 列，无列名）</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>Settings changed: press Check file to see the new result.</source>
        <translation>设置已更改：请点击“检查文件”查看新结果。</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <source>{rows} rows: {imported} would be imported, {updated} updated, {skipped} skipped (already registered), {rejected} rejected. Nothing has been written yet.</source>
        <translation>共 {rows} 行：将导入 {imported} 行，更新 {updated} 行，跳过 {skipped} 行（已登记），{rejected} 行不能导入。尚未写入任何数据。</translation>
    </message>
    <message>
        <source>Done. {rows} rows: {imported} imported, {updated} updated, {skipped} skipped (already registered), {rejected} rejected.</source>
        <translation>完成。共 {rows} 行：导入 {imported} 行，更新 {updated} 行，跳过 {skipped} 行（已登记），未导入 {rejected} 行。</translation>
    </message>
    <message>
        <source>New teams: {names}.</source>
        <translation>新建队伍：{names}。</translation>
    </message>
    <message>
        <source>Teams to be created: {names}.</source>
        <translation>将新建队伍：{names}。</translation>
    </message>
    <message>
        <source>Total rows (合计) left out: row {rows}.</source>
        <translation>已略过合计行：第 {rows} 行。</translation>
    </message>
    <message>
        <source>{stem} - rejected rows.xlsx</source>
        <translation>{stem} - 未导入的行.xlsx</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Rejected rows saved to {path}.</source>
        <translation>未导入的行已保存到 {path}。</translation>
    </message>
    <message>
        <source>Stopped; nothing was written.</source>
        <translation>已停止，未写入任何数据。</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Edit item</source>
        <translation>编辑物品</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新增物品</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>所需积分</translation>
    </message>
    <message>
        <source>What one piece costs.</source>
        <translation>兑换一件所需的积分。</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>piece, bag, bottle…</source>
        <translation>件、袋、瓶…</translation>
    </message>
    <message>
        <source>Opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>At most per volunteer</source>
        <translation>每人最多兑换</translation>
    </message>
    <message>
        <source>In each</source>
        <translation>限兑周期</translation>
    </message>
    <message>
        <source>Offered at the shop</source>
        <translation>在爱心超市上架</translation>
    </message>
</context>
<context>
    <name>KioskExitPanel</name>
    <message>
        <source>Leave full-screen mode</source>
        <translation>退出全屏模式</translation>
    </message>
    <message>
        <source>A staff member&apos;s user name and password are needed.</source>
        <translation>需要工作人员的用户名和密码。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>退出全屏</translation>
    </message>
    <message>
        <source>Back to check-in</source>
        <translation>返回签到</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>Search by name, pinyin initials, phone or card code</source>
        <translation>按姓名、拼音首字母、手机号或志愿者证编码搜索</translation>
    </message>
    <message>
        <source>Only with points</source>
        <translation>只看有积分者</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Everybody&apos;s entries</source>
        <translation>所有人的积分明细</translation>
    </message>
    <message>
        <source>Award points…</source>
        <translation>奖励积分…</translation>
    </message>
    <message>
        <source>Deduct points…</source>
        <translation>扣除积分…</translation>
    </message>
    <message>
        <source>Reverse entry…</source>
        <translation>撤销积分记录…</translation>
    </message>
    <message>
        <source>Export balances…</source>
        <translation>导出积分余额…</translation>
    </message>
    <message>
        <source>Export entries…</source>
        <translation>导出积分明细…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>{n} volunteers</source>
        <translation>共 {n} 名志愿者</translation>
    </message>
    <message>
        <source>{name}: {balance} points</source>
        <translation>{name}：{balance} 积分</translation>
    </message>
    <message>
        <source>Every points entry</source>
        <translation>全部积分明细</translation>
    </message>
    <message>
        <source>Choose the entry to reverse.</source>
        <translation>请选择要撤销的积分记录。</translation>
    </message>
    <message>
        <source>Reverse {kind} of {points} points for {name} ({reason})?</source>
        <translation>撤销{name}的{kind} {points} 积分（{reason}）吗？</translation>
    </message>
    <message>
        <source>Reverse entry</source>
        <translation>撤销积分记录</translation>
    </message>
    <message>
        <source>Export balances</source>
        <translation>导出积分余额</translation>
    </message>
    <message>
        <source>points balances.xlsx</source>
        <translation>积分余额.xlsx</translation>
    </message>
    <message>
        <source>Export entries</source>
        <translation>导出积分明细</translation>
    </message>
    <message>
        <source>points entries.xlsx</source>
        <translation>积分明细.xlsx</translation>
    </message>
    <message>
        <source>{count} rows written to {path}</source>
        <translation>已将 {count} 行写入 {path}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>切换其他账号登录</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to StationDesk</source>
        <translation>登录志愿服务工作台</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>An administrator set this password for you. Choose your own now.</source>
        <translation>此密码由管理员为您设置，请现在设置您自己的密码。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>At least {n} characters.</source>
        <translation>至少 {n} 个字符。</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Save and sign in</source>
        <translation>保存并登录</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>StationDesk</source>
        <translation>志愿服务工作台</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>(in memory)</source>
        <translation>（内存中）</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Hours review</source>
        <translation>服务时长审核</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>工作人员账号</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Load demo data…</source>
        <translation>载入演示数据…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About StationDesk</source>
        <translation>关于志愿服务工作台(&amp;A)</translation>
    </message>
    <message>
        <source>{station} — StationDesk</source>
        <translation>{station} — 志愿服务工作台</translation>
    </message>
    <message>
        <source>About StationDesk</source>
        <translation>关于志愿服务工作台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;StationDesk {version}&lt;/h3&gt;&lt;p&gt;Volunteers, teams, events, check-in, service hours and certificates for New Era Civilization Practice stations.&lt;/p&gt;&lt;p&gt;Licence: GNU General Public License, version 3 or later.&lt;br&gt;Chinese font: WenQuanYi Micro Hei (Apache-2.0).&lt;/p&gt;&lt;p&gt;Database file:&lt;br&gt;&lt;code&gt;{path}&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;志愿服务工作台 {version}&lt;/h3&gt;&lt;p&gt;面向新时代文明实践站的志愿者、队伍、活动、签到、服务时长与证明管理程序。&lt;/p&gt;&lt;p&gt;许可协议：GNU 通用公共许可证第 3 版或更高版本。&lt;br&gt;中文字体：文泉驿微米黑（Apache-2.0 许可）。&lt;/p&gt;&lt;p&gt;数据库文件：&lt;br&gt;&lt;code&gt;{path}&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Making demo volunteers, teams, events and scans…</source>
        <translation>正在生成演示用的志愿者、队伍、活动和扫码记录…</translation>
    </message>
    <message>
        <source>Demo data loaded: {volunteers} volunteers, {teams} teams, {events} events.</source>
        <translation>演示数据已载入：{volunteers} 名志愿者、{teams} 支队伍、{events} 场活动。</translation>
    </message>
    <message>
        <source>Making demo data was stopped; nothing was saved.</source>
        <translation>已停止生成演示数据，未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>ManualSignInDialog</name>
    <message>
        <source>Sign in by hand</source>
        <translation>手工签到</translation>
    </message>
    <message>
        <source>For a volunteer without their card. Search by name, pinyin initials (zs for 张三), the last four digits of the phone number, or the card code. A second sign-in signs out.</source>
        <translation>用于未带志愿者证的志愿者。可按姓名、拼音首字母（如 zs 代表张三）、手机号后四位或志愿者证编码查找。再次签到即为签退。</translation>
    </message>
    <message>
        <source>Name, pinyin initials, phone or card code</source>
        <translation>姓名、拼音首字母、手机号或志愿者证编码</translation>
    </message>
    <message>
        <source>Nobody found. A new volunteer can be registered as a walk-in.</source>
        <translation>未找到。新志愿者可登记为临时参加。</translation>
    </message>
    <message>
        <source>Sign in or out</source>
        <translation>签到/签退</translation>
    </message>
    <message>
        <source>New walk-in…</source>
        <translation>临时参加登记…</translation>
    </message>
    <message>
        <source>Registering volunteers needs a coordinator&apos;s account.</source>
        <translation>登记新志愿者需要工作人员账号。</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>Same ID number</source>
        <translation>证件号码相同</translation>
    </message>
    <message>
        <source>Same name and phone</source>
        <translation>姓名和手机号相同</translation>
    </message>
    <message>
        <source>Same name and birth date</source>
        <translation>姓名和出生日期相同</translation>
    </message>
    <message>
        <source>Choose two different volunteers to merge.</source>
        <translation>请选择两名不同的志愿者进行合并。</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>+{n} more</source>
        <translation>还有 {n} 项</translation>
    </message>
</context>
<context>
    <name>MoveMembersDialog</name>
    <message>
        <source>Move members</source>
        <translation>调动成员</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>调动</translation>
    </message>
    <message>
        <source>Move {n} members to:</source>
        <translation>将 {n} 名成员调到：</translation>
    </message>
    <message>
        <source>Choose a team from the list.</source>
        <translation>请从列表中选择一支队伍。</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New staff account</source>
        <translation>新建工作人员账号</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>One word, used to sign in.</source>
        <translation>不含空格，用于登录。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Tell the person in person; they choose their own at the first sign-in.</source>
        <translation>请当面告知本人；对方首次登录时会设置自己的密码。</translation>
    </message>
    <message>
        <source>Again, to be sure</source>
        <translation>再次输入以确认</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Registered volunteers</source>
        <translation>注册志愿者</translation>
    </message>
    <message>
        <source>Volunteers who served</source>
        <translation>参与服务的志愿者</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>报名人数</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>待审记录</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>有标记</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>全部实践站</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel workbook…</source>
        <translation>Excel 工作簿…</translation>
    </message>
    <message>
        <source>Printable PDF…</source>
        <translation>可打印的 PDF…</translation>
    </message>
    <message>
        <source>New volunteers</source>
        <translation>新注册志愿者</translation>
    </message>
    <message>
        <source>Volunteer teams</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Events held</source>
        <translation>已开展活动</translation>
    </message>
    <message>
        <source>Volunteer-service instances</source>
        <translation>志愿服务人次</translation>
    </message>
    <message>
        <source>Service hours (approved)</source>
        <translation>服务时长（已审核）</translation>
    </message>
    <message>
        <source>People served</source>
        <translation>服务对象人次</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>获得积分</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>Star volunteers</source>
        <translation>星级志愿者</translation>
    </message>
    <message>
        <source>Service hours per month</source>
        <translation>各月服务时长</translation>
    </message>
    <message>
        <source>Events by service category</source>
        <translation>各服务类别活动场数</translation>
    </message>
    <message>
        <source>Teams with the most service hours</source>
        <translation>服务时长最多的队伍</translation>
    </message>
    <message>
        <source>New volunteers per month</source>
        <translation>各月新注册志愿者</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>即将开展</translation>
    </message>
    <message>
        <source>{points} outstanding</source>
        <translation>未兑换 {points}</translation>
    </message>
    <message>
        <source>{station} · {period}</source>
        <translation>{station} · {period}</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Service hours per {unit}</source>
        <translation>服务时长（按{unit}）</translation>
    </message>
    <message>
        <source>New volunteers per {unit}</source>
        <translation>新注册志愿者（按{unit}）</translation>
    </message>
    <message>
        <source>Waiting for review: {n} records</source>
        <translation>待审核：{n} 条记录</translation>
    </message>
    <message>
        <source>{stars} {n} volunteers</source>
        <translation>{stars} {n} 名志愿者</translation>
    </message>
    <message>
        <source>overview {period}.xlsx</source>
        <translation>概况 {period}.xlsx</translation>
    </message>
    <message>
        <source>Export the overview</source>
        <translation>导出概况</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>{count} rows written to {path}</source>
        <translation>已将 {count} 行写入 {path}</translation>
    </message>
</context>
<context>
    <name>PairModel</name>
    <message>
        <source>Why</source>
        <translation>疑似重复的原因</translation>
    </message>
    <message>
        <source>First record</source>
        <translation>记录一</translation>
    </message>
    <message>
        <source>Second record</source>
        <translation>记录二</translation>
    </message>
    <message>
        <source>{name} (No. {id})</source>
        <translation>{name}（编号 {id}）</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Page width</source>
        <translation>页宽</translation>
    </message>
    <message>
        <source>{n}%</source>
        <translation>{n}%</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a document and its options, then press Preview.
The pages appear here, ready to print or to save as PDF.</source>
        <translation>请选择文档和选项，然后点击“预览”。
页面会显示在这里，可直接打印或另存为 PDF。</translation>
    </message>
    <message>
        <source>of {n}</source>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <source>The preview could not open {path}.</source>
        <translation>无法预览 {path}。</translation>
    </message>
    <message>
        <source>Document {n} of {total}: {label}</source>
        <translation>第 {n} 份，共 {total} 份：{label}</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>打印{title}</translation>
    </message>
    <message>
        <source>{n} pages sent to the printer.</source>
        <translation>已向打印机发送 {n} 页。</translation>
    </message>
    <message>
        <source>Printing was stopped.</source>
        <translation>打印已停止。</translation>
    </message>
    <message>
        <source>Printing {n} pages…</source>
        <translation>正在打印 {n} 页…</translation>
    </message>
    <message>
        <source>Save {n} documents in a folder</source>
        <translation>将 {n} 份文档保存到文件夹</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>{n} PDF files saved in {folder}.</source>
        <translation>已将 {n} 个 PDF 文件保存到 {folder}。</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {error}</source>
        <translation>PDF 未能保存：{error}</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>PeriodField</name>
    <message>
        <source>All records</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Choose the days…</source>
        <translation>自选日期…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>PeriodFilter</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>Up to…</source>
        <translation>截至某日…</translation>
    </message>
    <message>
        <source>From…</source>
        <translation>自某日起…</translation>
    </message>
</context>
<context>
    <name>PeriodReport</name>
    <message>
        <source>Volunteer Service Statistics Report</source>
        <translation>志愿服务统计报表</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>实践站</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计时段</translation>
    </message>
    <message>
        <source>Registered volunteers</source>
        <translation>注册志愿者</translation>
    </message>
    <message>
        <source>New volunteers</source>
        <translation>新注册志愿者</translation>
    </message>
    <message>
        <source>Volunteers who served</source>
        <translation>参与服务的志愿者</translation>
    </message>
    <message>
        <source>Volunteer teams</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <source>Events planned</source>
        <translation>计划活动</translation>
    </message>
    <message>
        <source>Events held</source>
        <translation>已开展活动</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>People served</source>
        <translation>服务对象人次</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者人数</translation>
    </message>
    <message>
        <source>By service category</source>
        <translation>按服务类别</translation>
    </message>
    <message>
        <source>No events were held in this period.</source>
        <translation>本时段未开展活动。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>按队伍</translation>
    </message>
    <message>
        <source>The station has no teams.</source>
        <translation>本站还没有队伍。</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>填表人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
</context>
<context>
    <name>PeriodReportForm</name>
    <message>
        <source>Period</source>
        <translation>统计时段</translation>
    </message>
    <message>
        <source>The station&apos;s figures as the district office collects them: volunteers, teams, events, hours and people served, by service category and by team.</source>
        <translation>按区级统计口径汇总本站数据：志愿者、队伍、活动、服务时长和服务对象人次，分服务类别和队伍列出。</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Check-in operator</source>
        <translation>签到员</translation>
    </message>
    <message>
        <source>{name} ({role}) may not do this.</source>
        <translation>{name}（{role}）无权进行此操作。</translation>
    </message>
</context>
<context>
    <name>Picker</name>
    <message>
        <source>Chosen: {what}</source>
        <translation>已选择：{what}</translation>
    </message>
    <message>
        <source>Nothing chosen yet.</source>
        <translation>尚未选择。</translation>
    </message>
</context>
<context>
    <name>Points</name>
    <message>
        <source>service record {id}</source>
        <translation>服务记录 {id}</translation>
    </message>
    <message>
        <source>Earned by service</source>
        <translation>服务获得</translation>
    </message>
    <message>
        <source>Awarded</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Deducted</source>
        <translation>扣除</translation>
    </message>
    <message>
        <source>Redeemed at the shop</source>
        <translation>爱心超市兑换</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Enter a number of points, such as 5 or 2.5.</source>
        <translation>请输入积分数，如 5 或 2.5。</translation>
    </message>
    <message>
        <source>The points must be more than zero.</source>
        <translation>积分必须大于零。</translation>
    </message>
    <message>
        <source>Points have at most two decimals.</source>
        <translation>积分最多保留两位小数。</translation>
    </message>
    <message>
        <source>At most {n} points at a time.</source>
        <translation>每次最多 {n} 积分。</translation>
    </message>
    <message>
        <source>{name} has {balance} points; {needed} are needed. Nothing was taken.</source>
        <translation>{name}只有 {balance} 积分，需要 {needed} 积分。未扣除任何积分。</translation>
    </message>
    <message>
        <source>Say why, so the record explains itself.</source>
        <translation>请写明原因，以便日后查阅记录时一目了然。</translation>
    </message>
    <message>
        <source>Hours corrected: {reason}</source>
        <translation>服务时长更正：{reason}</translation>
    </message>
    <message>
        <source>No points entry with number {id}.</source>
        <translation>没有编号为 {id} 的积分记录。</translation>
    </message>
    <message>
        <source>Only awards and deductions are reversed here. Earned points follow the hours (correct the service record); a redemption is cancelled at the shop.</source>
        <translation>这里只能撤销奖励和扣除。服务获得的积分随服务时长变化（请更正服务记录）；兑换请在爱心超市取消。</translation>
    </message>
    <message>
        <source>This entry was already reversed.</source>
        <translation>此积分记录已被撤销。</translation>
    </message>
    <message>
        <source>entry {id}</source>
        <translation>积分记录 {id}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>志愿者证编码</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>累计获得</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>已兑换</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Points balances</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>Points entries</source>
        <translation>积分明细</translation>
    </message>
</context>
<context>
    <name>PointsDialog</name>
    <message>
        <source>Award points</source>
        <translation>奖励积分</translation>
    </message>
    <message>
        <source>Deduct points</source>
        <translation>扣除积分</translation>
    </message>
    <message>
        <source>For {name}.</source>
        <translation>对象：{name}。</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Optional: a document or event.</source>
        <translation>选填：相关文件或活动。</translation>
    </message>
</context>
<context>
    <name>PointsDocuments</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>兑换单 {number}</translation>
    </message>
</context>
<context>
    <name>PointsLedger</name>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>PointsModels</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>志愿者证编码</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>累计获得</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>已兑换</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Reversed by entry {id}</source>
        <translation>已由积分记录 {id} 撤销</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Limit per volunteer</source>
        <translation>每人限兑</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>在兑</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>{items} (cancelled)</source>
        <translation>{items}（已取消）</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Closing stock</source>
        <translation>期末库存</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation>账实相符</translation>
    </message>
</context>
<context>
    <name>PointsPage</name>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Points earned by approved service hours, spent at the station&apos;s exchange shop.</source>
        <translation>积分由审核通过的服务时长获得，可在本站爱心超市兑换物品。</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>兑换台</translation>
    </message>
    <message>
        <source>Balances and entries</source>
        <translation>积分余额与明细</translation>
    </message>
    <message>
        <source>Catalogue and redemptions</source>
        <translation>物品与兑换记录</translation>
    </message>
    <message>
        <source>Stock report</source>
        <translation>库存报表</translation>
    </message>
</context>
<context>
    <name>PrintJobs</name>
    <message>
        <source>Service certificate</source>
        <translation>志愿服务证明</translation>
    </message>
    <message>
        <source>Honour certificate</source>
        <translation>荣誉证书</translation>
    </message>
    <message>
        <source>Volunteer cards</source>
        <translation>志愿者证</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Team roster</source>
        <translation>队伍花名册</translation>
    </message>
    <message>
        <source>Event attendance report</source>
        <translation>活动出勤情况表</translation>
    </message>
    <message>
        <source>Period report</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Certificate copy</source>
        <translation>证书副本</translation>
    </message>
    <message>
        <source>The period starts after it ends.</source>
        <translation>起始日期晚于截止日期。</translation>
    </message>
    <message>
        <source>Unknown document: {kind}</source>
        <translation>未知的文档类型：{kind}</translation>
    </message>
    <message>
        <source>Copy of certificate {number}</source>
        <translation>证书 {number} 副本</translation>
    </message>
    <message>
        <source>{name} has no card code yet. Reissue the card on the volunteer&apos;s record.</source>
        <translation>{name}还没有志愿者证编码。请在志愿者档案中补发志愿者证。</translation>
    </message>
    <message>
        <source>No member of team {name} has a card code.</source>
        <translation>队伍{name}的成员都没有志愿者证编码。</translation>
    </message>
    <message>
        <source>Nobody is enrolled in the event {title}.</source>
        <translation>活动“{title}”无人报名。</translation>
    </message>
    <message>
        <source>Nobody enrolled in the event {title} has a card code.</source>
        <translation>活动“{title}”的报名者都没有志愿者证编码。</translation>
    </message>
    <message>
        <source>{n} without a card code were left out.</source>
        <translation>另有 {n} 人没有志愿者证编码，未列入。</translation>
    </message>
    <message>
        <source>There are no events from {first} to {last}.</source>
        <translation>{first} 至 {last} 期间没有活动。</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <source>{document} {what}</source>
        <translation>{document} {what}</translation>
    </message>
    <message>
        <source>Choose a volunteer.</source>
        <translation>请选择一名志愿者。</translation>
    </message>
    <message>
        <source>Choose a team.</source>
        <translation>请选择一支队伍。</translation>
    </message>
    <message>
        <source>Choose an event.</source>
        <translation>请选择一场活动。</translation>
    </message>
    <message>
        <source>Choose a week.</source>
        <translation>请选择一周。</translation>
    </message>
    <message>
        <source>Choose a certificate in the register.</source>
        <translation>请在证书登记簿中选择一份证书。</translation>
    </message>
    <message>
        <source>This is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>Choose the first and last day of the period.</source>
        <translation>请选择时段的第一天和最后一天。</translation>
    </message>
    <message>
        <source>No volunteer with number {id}.</source>
        <translation>没有编号为 {id} 的志愿者。</translation>
    </message>
    <message>
        <source>Team {name} has no volunteers.</source>
        <translation>队伍{name}没有志愿者。</translation>
    </message>
    <message>
        <source>Nobody reached a new star level from {start} to {end}.</source>
        <translation>{start} 至 {end} 期间没有人达到新的星级。</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>……另有 {n} 条。</translation>
    </message>
</context>
<context>
    <name>PrintOutput</name>
    <message>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <source>The document could not be read: {path}</source>
        <translation>无法读取文档：{path}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The font file {path} is missing. Reinstall StationDesk.</source>
        <translation>缺少字体文件 {path}，请重新安装志愿服务工作台。</translation>
    </message>
    <message>
        <source>Printing was cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation>{year}年{month:02d}月{day:02d}日</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start}至{end}</translation>
    </message>
    <message>
        <source>up to {end}</source>
        <translation>截至{end}</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>自{start}起</translation>
    </message>
    <message>
        <source>all records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Printed {when}</source>
        <translation>打印于 {when}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation>{title}（续）</translation>
    </message>
    <message>
        <source>No volunteer has the card code {code}.</source>
        <translation>没有志愿者证编码为 {code} 的志愿者。</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未签到</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>未核算</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
</context>
<context>
    <name>PrintingPage</name>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Certificates, volunteer cards, sign-in sheets, rosters and reports</source>
        <translation>证书、志愿者证、签到表、花名册和报表</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Your account may not print documents. Ask a coordinator.</source>
        <translation>您的账号无权打印文档，请联系工作人员。</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Certificate register</source>
        <translation>证书登记簿</translation>
    </message>
    <message>
        <source>Wait until the document being made or printed is done.</source>
        <translation>请等待正在生成或打印的文档完成。</translation>
    </message>
    <message>
        <source>Making {document}…</source>
        <translation>正在生成{document}…</translation>
    </message>
    <message>
        <source>Copy of certificate No. {number}; the reprint is recorded.</source>
        <translation>编号 {number} 证书的副本；补打已记录。</translation>
    </message>
    <message>
        <source>Certificate No. {number} is registered.</source>
        <translation>编号 {number} 的证书已登记。</translation>
    </message>
    <message>
        <source>{n} certificates are registered, Nos. {first} to {last}.</source>
        <translation>已登记 {n} 份证书，编号 {first} 至 {last}。</translation>
    </message>
    <message>
        <source>Left out:
{reasons}</source>
        <translation>未包含：
{reasons}</translation>
    </message>
    <message>
        <source>{title} is ready to print (1 page).</source>
        <translation>{title}已可打印（共 1 页）。</translation>
    </message>
    <message>
        <source>{title} is ready to print ({n} pages).</source>
        <translation>{title}已可打印（共 {n} 页）。</translation>
    </message>
    <message>
        <source>Stopped; nothing was printed.</source>
        <translation>已停止，未打印任何内容。</translation>
    </message>
    <message>
        <source>Stopped. Certificate No. {number} was already registered; find it in the certificate register.</source>
        <translation>已停止。编号 {number} 的证书已经登记，可在证书登记簿中找到。</translation>
    </message>
    <message>
        <source>Stopped. {n} certificates were already registered (Nos. {first} to {last}); find them in the certificate register.</source>
        <translation>已停止。已有 {n} 份证书登记在册（编号 {first} 至 {last}），可在证书登记簿中找到。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Points Exchange Receipt</source>
        <translation>积分兑换单</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>志愿者证编码</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>Balance before</source>
        <translation>兑换前余额</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>兑换后余额</translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation>单号：{number}</translation>
    </message>
    <message>
        <source>Cancelled: the goods were handed back</source>
        <translation>已取消：物品已退回</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>领取人</translation>
    </message>
</context>
<context>
    <name>RecentScansModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>By</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>手工</translation>
    </message>
    <message>
        <source>Scanned: {raw}</source>
        <translation>扫码内容：{raw}</translation>
    </message>
    <message>
        <source>{result} (walk-in)</source>
        <translation>{result}（临时参加）</translation>
    </message>
    <message>
        <source>{result} (undone)</source>
        <translation>{result}（已撤销）</translation>
    </message>
</context>
<context>
    <name>RecordCard</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>所属队伍</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>参加活动</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>志愿者证</translation>
    </message>
    <message>
        <source>{name} (No. {id})</source>
        <translation>{name}（编号 {id}）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <source>Search by certificate number or the start of a name</source>
        <translation>按证书编号或姓名开头搜索</translation>
    </message>
    <message>
        <source>All certificates</source>
        <translation>全部证书</translation>
    </message>
    <message>
        <source>Reprint as a copy…</source>
        <translation>补打副本…</translation>
    </message>
    <message>
        <source>The copy keeps the number and says it is a copy.</source>
        <translation>副本保留原编号，并注明为副本。</translation>
    </message>
    <message>
        <source>Certificates: {n}</source>
        <translation>证书：{n} 份</translation>
    </message>
</context>
<context>
    <name>RejectedRowsModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What to fix</source>
        <translation>如何修改</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset the password of {name}</source>
        <translation>重置{name}的密码</translation>
    </message>
    <message>
        <source>Give {name} this temporary password in person. At the next sign-in StationDesk asks them to choose their own. A locked account is unlocked as well.</source>
        <translation>请当面把此临时密码告知{name}。下次登录时，志愿服务工作台会要求对方设置自己的密码。已锁定的账号也会一并解锁。</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Role of {name}</source>
        <translation>{name}的角色</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>Volunteer Team Roster</source>
        <translation>志愿服务队花名册</translation>
    </message>
    <message>
        <source>{name} (leader)</source>
        <translation>{name}（队长）</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>所属实践站</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>About the team</source>
        <translation>队伍简介</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入队日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Member list</source>
        <translation>成员名单</translation>
    </message>
    <message>
        <source>This team has no members yet.</source>
        <translation>这支队伍还没有成员。</translation>
    </message>
</context>
<context>
    <name>RosterForm</name>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>One team</source>
        <translation>单支队伍</translation>
    </message>
    <message>
        <source>Full phone numbers</source>
        <translation>显示完整手机号</translation>
    </message>
</context>
<context>
    <name>Series</name>
    <message>
        <source>Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>first</source>
        <translation>第一</translation>
    </message>
    <message>
        <source>second</source>
        <translation>第二</translation>
    </message>
    <message>
        <source>third</source>
        <translation>第三</translation>
    </message>
    <message>
        <source>fourth</source>
        <translation>第四</translation>
    </message>
    <message>
        <source>fifth</source>
        <translation>第五</translation>
    </message>
    <message>
        <source>A series repeats weekly or monthly.</source>
        <translation>周期活动只能按周或按月重复。</translation>
    </message>
    <message>
        <source>Repeat every 1 to 12 weeks or months.</source>
        <translation>重复间隔须为 1 至 12 周或 1 至 12 个月。</translation>
    </message>
    <message>
        <source>Unknown weekday.</source>
        <translation>未知的星期。</translation>
    </message>
    <message>
        <source>Unknown way of repeating monthly.</source>
        <translation>未知的按月重复方式。</translation>
    </message>
    <message>
        <source>A series needs an end: a last date or a number of times.</source>
        <translation>周期活动需要设定结束方式：截止日期或重复次数。</translation>
    </message>
    <message>
        <source>A series has 1 to {n} events.</source>
        <translation>周期活动的场次须为 1 至 {n} 场。</translation>
    </message>
    <message>
        <source>The last date is before the first event.</source>
        <translation>截止日期早于第一场活动。</translation>
    </message>
    <message>
        <source>Every week on {days}</source>
        <translation>每周（{days}）</translation>
    </message>
    <message>
        <source>Every {n} weeks on {days}</source>
        <translation>每 {n} 周（{days}）</translation>
    </message>
    <message>
        <source>Every month on day {day}</source>
        <translation>每月 {day} 日</translation>
    </message>
    <message>
        <source>Every {n} months on day {day}</source>
        <translation>每 {n} 个月的 {day} 日</translation>
    </message>
    <message>
        <source>last</source>
        <translation>最后一</translation>
    </message>
    <message>
        <source>Every month on the {which} {weekday}</source>
        <translation>每月{which}个{weekday}</translation>
    </message>
    <message>
        <source>Every {n} months on the {which} {weekday}</source>
        <translation>每 {n} 个月的{which}个{weekday}</translation>
    </message>
    <message>
        <source>{rule}, {count} times</source>
        <translation>{rule}，共 {count} 次</translation>
    </message>
    <message>
        <source>{rule}, until {date}</source>
        <translation>{rule}，至 {date} 止</translation>
    </message>
    <message>
        <source>No series with number {id}.</source>
        <translation>没有编号为 {id} 的周期活动。</translation>
    </message>
    <message>
        <source>This event is not part of a repeating series.</source>
        <translation>此活动不属于周期活动。</translation>
    </message>
    <message>
        <source>Only a planned date can be skipped; this event is {status}.</source>
        <translation>只能跳过尚未举办的场次；此活动当前为“{status}”。</translation>
    </message>
    <message>
        <source>Choose this event or this and following events.</source>
        <translation>请选择“仅此场活动”或“此场及之后的活动”。</translation>
    </message>
    <message>
        <source>Only planned events can be changed with their series; this one is {status}.</source>
        <translation>只有尚未举办的场次才能随周期活动一起修改；此活动当前为“{status}”。</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Backups…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Unknown setting: {key}</source>
        <translation>未知的设置项：{key}</translation>
    </message>
    <message>
        <source>Star levels need five rising hour thresholds above zero.</source>
        <translation>星级需要五个大于零且逐级递增的服务时长门槛。</translation>
    </message>
    <message>
        <source>This value cannot be negative.</source>
        <translation>此项不能为负数。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Printed on certificates and reports</source>
        <translation>打印在证明和报表上</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>实践站</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>实践站名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>The staff member named on certificates.</source>
        <translation>证明上署名的工作人员。</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Logo image</source>
        <translation>标志图片</translation>
    </message>
    <message>
        <source>Seal image</source>
        <translation>公章图片</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Language of the system</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>A new language is used the next time StationDesk starts.</source>
        <translation>新语言将在下次启动志愿服务工作台时生效。</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Cannot read this image</source>
        <translation>无法读取此图片</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The station needs a name.</source>
        <translation>请填写实践站名称。</translation>
    </message>
    <message>
        <source>This file cannot be read as an image (PNG or JPEG).</source>
        <translation>此文件无法作为图片读取（须为 .png 或 .jpg 格式）。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>The language changes the next time StationDesk starts.</source>
        <translation>语言将在下次启动志愿服务工作台时切换。</translation>
    </message>
</context>
<context>
    <name>Shop</name>
    <message>
        <source>redemption {id}</source>
        <translation>兑换单 {id}</translation>
    </message>
    <message>
        <source>Opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>已兑换</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>{n} {period}</source>
        <translation>{period}限 {n}</translation>
    </message>
    <message>
        <source>Enter a whole number of pieces.</source>
        <translation>请输入整数件数。</translation>
    </message>
    <message>
        <source>The change cannot be zero.</source>
        <translation>变动数量不能为零。</translation>
    </message>
    <message>
        <source>The quantity must be at least 1.</source>
        <translation>数量至少为 1。</translation>
    </message>
    <message>
        <source>At most {n} pieces at a time.</source>
        <translation>每次最多 {n} 件。</translation>
    </message>
    <message>
        <source>Say why the stock changes.</source>
        <translation>请写明库存变动的原因。</translation>
    </message>
    <message>
        <source>The item needs a name.</source>
        <translation>请填写物品名称。</translation>
    </message>
    <message>
        <source>The name is too long (at most 100 characters).</source>
        <translation>名称过长（最多 100 个字符）。</translation>
    </message>
    <message>
        <source>The catalogue already has an item called {name}.</source>
        <translation>物品列表中已有名为“{name}”的物品。</translation>
    </message>
    <message>
        <source>The unit is too long.</source>
        <translation>单位过长。</translation>
    </message>
    <message>
        <source>Unknown limit period: {period}</source>
        <translation>未知的限兑周期：{period}</translation>
    </message>
    <message>
        <source>Say whether the limit is per week, month or year.</source>
        <translation>请说明限兑周期是每周、每月还是每年。</translation>
    </message>
    <message>
        <source>No shop item with number {id}.</source>
        <translation>没有编号为 {id} 的兑换物品。</translation>
    </message>
    <message>
        <source>Goods received</source>
        <translation>物品入库</translation>
    </message>
    <message>
        <source>Only {stock} of {name} are in stock; the stock cannot go below zero.</source>
        <translation>{name}只剩 {stock} 件库存，库存不能小于零。</translation>
    </message>
    <message>
        <source>Choose at least one item.</source>
        <translation>请至少选择一件物品。</translation>
    </message>
    <message>
        <source>At most {n} different items at a time.</source>
        <translation>每次最多兑换 {n} 种物品。</translation>
    </message>
    <message>
        <source>{name} is not offered at the moment.</source>
        <translation>{name}目前不可兑换。</translation>
    </message>
    <message>
        <source>Only {stock} of {name} are in stock; {wanted} were asked for.</source>
        <translation>{name}只剩 {stock} 件库存，所需为 {wanted} 件。</translation>
    </message>
    <message>
        <source>{name}: at most {limit} {period} for each volunteer; {who} has had {taken}.</source>
        <translation>{name}：每位志愿者{period}最多兑换 {limit} 件，{who}已兑换 {taken} 件。</translation>
    </message>
    <message>
        <source>Nothing was redeemed.</source>
        <translation>未兑换任何物品。</translation>
    </message>
    <message>
        <source>Say why the redemption is cancelled.</source>
        <translation>请写明取消兑换的原因。</translation>
    </message>
    <message>
        <source>No redemption with number {id}.</source>
        <translation>没有编号为 {id} 的兑换记录。</translation>
    </message>
    <message>
        <source>This redemption was already cancelled.</source>
        <translation>此兑换已被取消。</translation>
    </message>
    <message>
        <source>Redemption cancelled: {reason}</source>
        <translation>取消兑换：{reason}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Closing stock</source>
        <translation>期末库存</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation>账实相符</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>兑换单号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>志愿者证编码</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Stock report</source>
        <translation>库存报表</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>兑换记录</translation>
    </message>
</context>
<context>
    <name>SigninSheet</name>
    <message>
        <source>Volunteer Service Sign-in Sheet</source>
        <translation>志愿服务签到表</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Sign-in time</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>Sign-out time</source>
        <translation>签退时间</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>本人签名</translation>
    </message>
    <message>
        <source>Volunteers ({count} enrolled)</source>
        <translation>志愿者名单（已报名 {count} 人）</translation>
    </message>
    <message>
        <source>Event No. {id}</source>
        <translation>活动编号 {id}</translation>
    </message>
    <message>
        <source>Volunteers not on the list write their name and phone number on a blank row; the station registers them after the event. Times are written as HH:MM.</source>
        <translation>名单外的志愿者请在空白行填写姓名和手机号，活动结束后由实践站补录。时间请按“时:分”填写（如 09:30）。</translation>
    </message>
    <message>
        <source>Activity leader</source>
        <translation>活动负责人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
</context>
<context>
    <name>SigninSheetForm</name>
    <message>
        <source>Any day of the week</source>
        <translation>选择该周任意一天</translation>
    </message>
    <message>
        <source>For</source>
        <translation>打印对象</translation>
    </message>
    <message>
        <source>One event</source>
        <translation>单场活动</translation>
    </message>
    <message>
        <source>Every event of a week</source>
        <translation>一周内的全部活动</translation>
    </message>
    <message>
        <source>Blank rows for walk-ins</source>
        <translation>临时参加空白行数</translation>
    </message>
    <message>
        <source>Full phone numbers</source>
        <translation>显示完整手机号</translation>
    </message>
    <message>
        <source>The sheet lies open at the entrance: numbers are masked unless you choose this.</source>
        <translation>签到表会放在入口处供人翻看：除非勾选此项，手机号将部分隐藏。</translation>
    </message>
    <message>
        <source>Monday {first} to Sunday {last}</source>
        <translation>周一 {first} 至周日 {last}</translation>
    </message>
</context>
<context>
    <name>StationChoice</name>
    <message>
        <source>All stations</source>
        <translation>全部实践站</translation>
    </message>
</context>
<context>
    <name>Stations</name>
    <message>
        <source>Practice centre</source>
        <translation>新时代文明实践中心</translation>
    </message>
    <message>
        <source>Practice institute</source>
        <translation>新时代文明实践所</translation>
    </message>
    <message>
        <source>Practice station</source>
        <translation>新时代文明实践站</translation>
    </message>
    <message>
        <source>The station needs a name.</source>
        <translation>请填写实践站名称。</translation>
    </message>
    <message>
        <source>Unknown station level: {level}</source>
        <translation>未知的实践站级别：{level}</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>Registered volunteers</source>
        <translation>注册志愿者</translation>
    </message>
    <message>
        <source>Active volunteers</source>
        <translation>参与服务的志愿者</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Events held</source>
        <translation>已开展活动</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>People served</source>
        <translation>服务对象人次</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>扫码次数</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>获得积分</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>Points outstanding</source>
        <translation>未兑换积分</translation>
    </message>
    <message>
        <source>{level}-star volunteers: {count}</source>
        <translation>{level}星志愿者：{count} 名</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <source>Goods received</source>
        <translation>物品入库</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <source>{name}: {stock} in stock.</source>
        <translation>{name}：库存 {stock}。</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动数量</translation>
    </message>
    <message>
        <source>Negative for goods broken, expired or lost; positive for goods found.</source>
        <translation>物品损坏、过期或丢失填负数；找到物品填正数。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Bought, donated by …</source>
        <translation>购买、由……捐赠</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Opening stock + intake − redeemed − adjustments = closing stock. Redeemed is net of goods handed back; adjustments count goods taken out (a count that found more is negative).</source>
        <translation>期初库存 + 入库 − 已兑换 − 调整 = 期末库存。已兑换已减去退回的物品；调整按减少的数量计（盘点多出的记为负数）。</translation>
    </message>
    <message>
        <source>The first day is after the last.</source>
        <translation>第一天晚于最后一天。</translation>
    </message>
    <message>
        <source>The catalogue is empty.</source>
        <translation>物品列表为空。</translation>
    </message>
    <message>
        <source>Does not reconcile: {items}</source>
        <translation>账实不符：{items}</translation>
    </message>
    <message>
        <source>Goods and records agree for all {n} items.</source>
        <translation>全部 {n} 种物品账实相符。</translation>
    </message>
    <message>
        <source>Export stock report</source>
        <translation>导出库存报表</translation>
    </message>
    <message>
        <source>stock report.xlsx</source>
        <translation>库存报表.xlsx</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
</context>
<context>
    <name>TeamFormDialog</name>
    <message>
        <source>New team</source>
        <translation>新建队伍</translation>
    </message>
    <message>
        <source>Edit team</source>
        <translation>编辑队伍</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>队伍名称</translation>
    </message>
    <message>
        <source>Service category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>实践站</translation>
    </message>
    <message>
        <source>Volunteer No. (optional)</source>
        <translation>志愿者编号（选填）</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>队伍简介</translation>
    </message>
    <message>
        <source>Search the team&apos;s members</source>
        <translation>搜索本队成员</translation>
    </message>
    <message>
        <source>No leader</source>
        <translation>不设队长</translation>
    </message>
    <message>
        <source>Leader: {name} (No. {id})</source>
        <translation>队长：{name}（编号 {id}）</translation>
    </message>
    <message>
        <source>Type the leader&apos;s volunteer number, e.g. 42.</source>
        <translation>请输入队长的志愿者编号，如 42。</translation>
    </message>
</context>
<context>
    <name>TeamModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Service category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>所属实践站</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
</context>
<context>
    <name>TeamPicker</name>
    <message>
        <source>Search teams by name</source>
        <translation>按队伍名称搜索</translation>
    </message>
    <message>
        <source>{name} ({n} members)</source>
        <translation>{name}（{n} 名成员）</translation>
    </message>
</context>
<context>
    <name>TeamRoster</name>
    <message>
        <source>Search this team&apos;s members</source>
        <translation>搜索本队成员</translation>
    </message>
    <message>
        <source>Add members…</source>
        <translation>添加成员…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移出</translation>
    </message>
    <message>
        <source>Take the selected volunteers off this team; their records stay</source>
        <translation>将选中的志愿者移出本队；其档案保留</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>调到…</translation>
    </message>
    <message>
        <source>Move the selected volunteers to another team</source>
        <translation>将选中的志愿者调到另一支队伍</translation>
    </message>
    <message>
        <source>Edit team…</source>
        <translation>编辑队伍…</translation>
    </message>
    <message>
        <source>Team roster</source>
        <translation>队伍花名册</translation>
    </message>
    <message>
        <source>Volunteer cards</source>
        <translation>志愿者证</translation>
    </message>
    <message>
        <source>Service certificates</source>
        <translation>志愿服务证明</translation>
    </message>
    <message>
        <source>Choose a team above to see its members.</source>
        <translation>请在上方选择一支队伍以查看其成员。</translation>
    </message>
    <message>
        <source>Members of {team}</source>
        <translation>{team}的成员</translation>
    </message>
    <message>
        <source>Leader: {name}</source>
        <translation>队长：{name}</translation>
    </message>
    <message>
        <source>No leader</source>
        <translation>未设队长</translation>
    </message>
    <message>
        <source>Added {n} volunteers to {team}.</source>
        <translation>已将 {n} 名志愿者加入{team}。</translation>
    </message>
    <message>
        <source>Remove members</source>
        <translation>移出成员</translation>
    </message>
    <message>
        <source>Take {n} volunteers off {team}? Their records and hours stay.</source>
        <translation>将 {n} 名志愿者移出{team}吗？他们的档案和服务时长都会保留。</translation>
    </message>
    <message>
        <source>Took {n} volunteers off {team}.</source>
        <translation>已将 {n} 名志愿者移出{team}。</translation>
    </message>
    <message>
        <source>Moved {n} volunteers to {team}.</source>
        <translation>已将 {n} 名志愿者调到{team}。</translation>
    </message>
    <message>
        <source>Team {name} saved.</source>
        <translation>队伍{name}已保存。</translation>
    </message>
</context>
<context>
    <name>Teams</name>
    <message>
        <source>The team needs a name.</source>
        <translation>请填写队伍名称。</translation>
    </message>
    <message>
        <source>Unknown service category: {category}</source>
        <translation>未知的服务类别：{category}</translation>
    </message>
    <message>
        <source>The leader is not a registered volunteer.</source>
        <translation>队长不是已注册的志愿者。</translation>
    </message>
    <message>
        <source>A team named {name} already exists.</source>
        <translation>已有名为“{name}”的队伍。</translation>
    </message>
    <message>
        <source>No team with number {id}.</source>
        <translation>没有编号为 {id} 的队伍。</translation>
    </message>
    <message>
        <source>No volunteer with number {id}.</source>
        <translation>没有编号为 {id} 的志愿者。</translation>
    </message>
    <message>
        <source>Choose a different team to move to.</source>
        <translation>请选择另一支要转入的队伍。</translation>
    </message>
</context>
<context>
    <name>TeamsPage</name>
    <message>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>New team…</source>
        <translation>新建队伍…</translation>
    </message>
    <message>
        <source>Search teams by name</source>
        <translation>按队伍名称搜索</translation>
    </message>
    <message>
        <source>All service categories</source>
        <translation>全部服务类别</translation>
    </message>
    <message>
        <source>search “{text}”</source>
        <translation>搜索“{text}”</translation>
    </message>
    <message>
        <source>teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>all teams</source>
        <translation>全部队伍</translation>
    </message>
    <message>
        <source>{n} teams</source>
        <translation>共 {n} 支队伍</translation>
    </message>
    <message>
        <source>Team {name} created.</source>
        <translation>已创建队伍“{name}”。</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>The template needs a name.</source>
        <translation>请填写模板名称。</translation>
    </message>
    <message>
        <source>The template name is too long.</source>
        <translation>模板名称太长。</translation>
    </message>
    <message>
        <source>A template named {name} already exists.</source>
        <translation>已有名为“{name}”的模板。</translation>
    </message>
    <message>
        <source>No template with number {id}.</source>
        <translation>没有编号为 {id} 的模板。</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>Show the list behind this figure</source>
        <translation>查看这个数字背后的名单</translation>
    </message>
</context>
<context>
    <name>TimeGrid</name>
    <message>
        <source>more</source>
        <translation>更多</translation>
    </message>
</context>
<context>
    <name>VolunteerDetailDialog</name>
    <message>
        <source>Volunteer No. {id}</source>
        <translation>志愿者（编号 {id}）</translation>
    </message>
    <message>
        <source>Volunteer No.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>志愿者证编码</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>所属实践站</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>所在队伍</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Events attended</source>
        <translation>参加活动次数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>VolunteerFilters</name>
    <message>
        <source>Search by name, pinyin initials, phone, ID tail or card code</source>
        <translation>按姓名、拼音首字母、手机号、证件号后几位或志愿者证编码搜索</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any stars</source>
        <translation>不限星级</translation>
    </message>
    <message>
        <source>No stars yet</source>
        <translation>尚无星级</translation>
    </message>
    <message>
        <source>More filters</source>
        <translation>更多筛选</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <source>New star level</source>
        <translation>新晋星级</translation>
    </message>
    <message>
        <source>Not filtered</source>
        <translation>不筛选</translation>
    </message>
    <message>
        <source>Volunteers who reached a higher star level in this period</source>
        <translation>在此时段内星级提升的志愿者</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部队伍</translation>
    </message>
    <message>
        <source>More filters ({n})</source>
        <translation>更多筛选（{n}）</translation>
    </message>
    <message>
        <source>{stars} volunteers</source>
        <translation>{stars} 志愿者</translation>
    </message>
    <message>
        <source>volunteers without stars yet</source>
        <translation>尚无星级的志愿者</translation>
    </message>
    <message>
        <source>volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>registered {days}</source>
        <translation>{days}注册</translation>
    </message>
    <message>
        <source>skill “{skill}”</source>
        <translation>技能特长“{skill}”</translation>
    </message>
    <message>
        <source>search “{text}”</source>
        <translation>搜索“{text}”</translation>
    </message>
    <message>
        <source>all volunteers</source>
        <translation>全部志愿者</translation>
    </message>
</context>
<context>
    <name>VolunteerFormDialog</name>
    <message>
        <source>New volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <source>Edit volunteer</source>
        <translation>编辑志愿者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>As on the ID card</source>
        <translation>与证件上一致</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Leave empty for a resident ID card: it is read from the number.</source>
        <translation>居民身份证可不填，将从证件号码中读取。</translation>
    </message>
    <message>
        <source>11 digits, e.g. 13812345678</source>
        <translation>11 位数字，如 13812345678</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>e.g. first aid, photography</source>
        <translation>如：急救、摄影</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Agreed that more personal data may be kept</source>
        <translation>本人已同意登记更多个人信息</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Leave empty to keep the number on record.</source>
        <translation>留空则保留已登记的号码。</translation>
    </message>
    <message>
        <source>Born {date}, {gender} (read from the ID number)</source>
        <translation>{date} 出生，{gender}（从证件号码中读取）</translation>
    </message>
    <message>
        <source>The ID number says {gender}; the gender chosen differs.</source>
        <translation>证件号码显示为{gender}，与所选性别不一致。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits and starts with 13-19.</source>
        <translation>手机号为 11 位数字，以 13 至 19 开头。</translation>
    </message>
    <message>
        <source>Open {name} (No. {id})</source>
        <translation>打开{name}（编号 {id}）</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 1990-05-31.</source>
        <translation>日期请写成 年-月-日 格式，如 1990-05-31。</translation>
    </message>
</context>
<context>
    <name>VolunteerModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>志愿者证编码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>{n} stars</source>
        <translation>{n}星</translation>
    </message>
</context>
<context>
    <name>VolunteerPane</name>
    <message>
        <source>Choose a volunteer in the list to see the record.</source>
        <translation>在列表中选择一名志愿者即可查看档案。</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>注销…</translation>
    </message>
    <message>
        <source>Card…</source>
        <translation>志愿者证…</translation>
    </message>
    <message>
        <source>Show the card&apos;s QR code, save it for a phone, or reissue a lost card</source>
        <translation>显示志愿者证二维码、保存到手机，或为遗失的证补发新证</translation>
    </message>
    <message>
        <source>Show full ID</source>
        <translation>显示完整证件号</translation>
    </message>
    <message>
        <source>Show the full ID number and phone. This is recorded in the audit log.</source>
        <translation>显示完整的证件号码和手机号。此操作会记入操作日志。</translation>
    </message>
    <message>
        <source>Service certificate</source>
        <translation>志愿服务证明</translation>
    </message>
    <message>
        <source>Volunteer card</source>
        <translation>志愿者证</translation>
    </message>
    <message>
        <source>Honour certificate</source>
        <translation>荣誉证书</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>志愿者证</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>实践站</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>所属队伍</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>参加活动</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{status} · {hours} hours</source>
        <translation>{status} · 服务时长 {hours} 小时</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Reactivate…</source>
        <translation>恢复在册…</translation>
    </message>
    <message>
        <source>Shown in full</source>
        <translation>已完整显示</translation>
    </message>
    <message>
        <source>No card</source>
        <translation>无志愿者证</translation>
    </message>
    <message>
        <source>{code}, issued {date}</source>
        <translation>{code}，{date} 发放</translation>
    </message>
    <message>
        <source>{n} earlier card(s) revoked</source>
        <translation>已作废之前的 {n} 张证</translation>
    </message>
    <message>
        <source>Your role may not see full ID and phone numbers.</source>
        <translation>您的角色无权查看完整的证件号码和手机号。</translation>
    </message>
    <message>
        <source>Deactivate volunteer</source>
        <translation>注销志愿者</translation>
    </message>
    <message>
        <source>Deactivate {name} (No. {id})? The records stay; the volunteer no longer shows among active volunteers.</source>
        <translation>注销{name}（编号 {id}）吗？其记录会保留，但不再出现在在册志愿者中。</translation>
    </message>
    <message>
        <source>Reactivate volunteer</source>
        <translation>恢复在册</translation>
    </message>
    <message>
        <source>Reactivate {name} (No. {id})?</source>
        <translation>将{name}（编号 {id}）恢复为在册吗？</translation>
    </message>
</context>
<context>
    <name>VolunteerPicker</name>
    <message>
        <source>Search by name, pinyin initials, phone or card code</source>
        <translation>按姓名、拼音首字母、手机号或志愿者证编码搜索</translation>
    </message>
    <message>
        <source>{name} (No. {id})</source>
        <translation>{name}（编号 {id}）</translation>
    </message>
    <message>
        <source>No volunteer with number {id}.</source>
        <translation>没有编号为 {id} 的志愿者。</translation>
    </message>
</context>
<context>
    <name>VolunteerSearchList</name>
    <message>
        <source>Search by name, pinyin initials, phone or card code</source>
        <translation>按姓名、拼音首字母、手机号或志愿者证编码搜索</translation>
    </message>
</context>
<context>
    <name>Volunteers</name>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Mainland travel permit (HK/Macao)</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <source>Mainland travel permit (Taiwan)</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <source>Other ID</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>The name is required.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>The name is too long.</source>
        <translation>姓名太长。</translation>
    </message>
    <message>
        <source>Gender must be male or female.</source>
        <translation>性别须为男或女。</translation>
    </message>
    <message>
        <source>Unknown ID type.</source>
        <translation>未知的证件类型。</translation>
    </message>
    <message>
        <source>The ID number says {gender}; the gender typed differs.</source>
        <translation>身份证号显示性别为{gender}，与填写的性别不一致。</translation>
    </message>
    <message>
        <source>The ID number says the birth date is {date}.</source>
        <translation>身份证号显示出生日期为 {date}。</translation>
    </message>
    <message>
        <source>The ID number is required.</source>
        <translation>请填写证件号码。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits and starts with 13-19: {phone}</source>
        <translation>手机号应为 11 位数字，以 13–19 开头：{phone}</translation>
    </message>
    <message>
        <source>Unknown status.</source>
        <translation>未知的状态。</translation>
    </message>
    <message>
        <source>The registration date is in the future.</source>
        <translation>注册日期不能晚于今天。</translation>
    </message>
    <message>
        <source>This ID number is already registered for {name} (No. {id}).</source>
        <translation>该证件号码已登记在 {name}（编号 {id}）名下。</translation>
    </message>
    <message>
        <source>This phone number is already registered for {name} (No. {id}).</source>
        <translation>该手机号已登记在 {name}（编号 {id}）名下。</translation>
    </message>
    <message>
        <source>No volunteer with number {id}.</source>
        <translation>没有编号为 {id} 的志愿者。</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Find duplicates…</source>
        <translation>查找重复记录…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the list as it is filtered to Excel or CSV</source>
        <translation>将筛选后的列表保存为 Excel 或 CSV 文件</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <source>New volunteer…</source>
        <translation>新增志愿者…</translation>
    </message>
    <message>
        <source>{n} volunteers found</source>
        <translation>找到 {n} 名志愿者</translation>
    </message>
    <message>
        <source>No volunteer matches. Try fewer letters or clear the filters.</source>
        <translation>没有匹配的志愿者。请少输入几个字，或清除筛选条件。</translation>
    </message>
    <message>
        <source>{n} volunteers</source>
        <translation>共 {n} 名志愿者</translation>
    </message>
    <message>
        <source>No volunteers yet: register one, or import your roster.</source>
        <translation>还没有志愿者：请登记一名，或导入花名册。</translation>
    </message>
    <message>
        <source>Registered {name} as volunteer No. {id}.</source>
        <translation>已登记志愿者{name}，编号 {id}。</translation>
    </message>
    <message>
        <source>Exported {n} volunteers to {file}.</source>
        <translation>已将 {n} 名志愿者导出到 {file}。</translation>
    </message>
    <message>
        <source>Merged volunteer No. {removed} into No. {kept}.</source>
        <translation>已将编号 {removed} 的志愿者合并到编号 {kept}。</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>Importing rosters is not available.</source>
        <translation>暂不能导入花名册。</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>New walk-in volunteer</source>
        <translation>临时参加志愿者登记</translation>
    </message>
    <message>
        <source>Registers a new volunteer and signs them in to this event. The rest of the record (skills, teams, consent) can be completed later on the Volunteers page.</source>
        <translation>登记新志愿者并为其签到本活动。其余信息（技能特长、所在队伍、同意事项）可稍后在“志愿者”页面补充。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Register and sign in</source>
        <translation>登记并签到</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to StationDesk</source>
        <translation>欢迎使用志愿服务工作台</translation>
    </message>
    <message>
        <source>Which station does this computer work for? You can change this later in Settings.</source>
        <translation>这台电脑为哪个实践站服务？之后可在“设置”中修改。</translation>
    </message>
    <message>
        <source>e.g. Dongfeng Community Practice Station</source>
        <translation>如：东风社区新时代文明实践站</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>实践站名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>How would you like to start?</source>
        <translation>您想如何开始？</translation>
    </message>
    <message>
        <source>Start with an empty register</source>
        <translation>从空白名册开始</translation>
    </message>
    <message>
        <source>Add volunteers and teams as you go.</source>
        <translation>边用边添加志愿者和队伍。</translation>
    </message>
    <message>
        <source>Import a roster…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <source>Read the volunteer list you keep in Excel.</source>
        <translation>读取您在 Excel 中维护的志愿者名单。</translation>
    </message>
    <message>
        <source>Load demo data…</source>
        <translation>载入演示数据…</translation>
    </message>
    <message>
        <source>Try the program with made-up volunteers and events.</source>
        <translation>用虚构的志愿者和活动试用本程序。</translation>
    </message>
</context>
<context>
    <name>_Header</name>
    <message>
        <source>{n} events</source>
        <translation>共 {n} 场活动</translation>
    </message>
</context>
<context>
    <name>_PasswordDialog</name>
    <message>
        <source>At least {n} characters.</source>
        <translation>至少 {n} 个字符。</translation>
    </message>
    <message>
        <source>Again, to be sure</source>
        <translation>再次输入以确认</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
</TS>
