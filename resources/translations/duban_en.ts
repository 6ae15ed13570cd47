<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>文泉驿微米黑（界面字体）</source>
        <translation>WenQuanYi Micro Hei (interface font)</translation>
    </message>
    <message>
        <source>Noto Serif CJK SC（公文字体）</source>
        <translation>Noto Serif CJK SC (document font)</translation>
    </message>
    <message>
        <source>花园明朝 HanaMinA（生僻字字体）</source>
        <translation>HanaMinA (font for rare characters)</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Duban</translation>
    </message>
    <message>
        <source>重点任务分工方案进展督办工具，离线运行。</source>
        <translation>Tracks progress on key-task division plans. Works offline.</translation>
    </message>
    <message>
        <source>本软件使用的第三方组件及其许可证：</source>
        <translation>Third-party components and their licences:</translation>
    </message>
    <message>
        <source>字体许可证全文见安装目录下的 resources/fonts/。</source>
        <translation>The full font licences are in resources/fonts/ in the installation folder.</translation>
    </message>
    <message>
        <source>关于督办</source>
        <translation>About Duban</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>PDF 含有主动内容</source>
        <translation>PDF with active content</translation>
    </message>
    <message>
        <source>“{name}”{risks}。内置查看器不会运行脚本或打开嵌入的文件。请确认来源可靠。仍要查看吗？</source>
        <translation>“{name}”: {risks}. The built-in viewer runs no scripts and opens no embedded files. Make sure it comes from a trusted source. View it anyway?</translation>
    </message>
    <message>
        <source>佐证材料 — {name}</source>
        <translation>Evidence — {name}</translation>
    </message>
    <message>
        <source>用系统程序打开</source>
        <translation>Open with the system&apos;s program</translation>
    </message>
    <message>
        <source>“{name}”（{kind}）将用本机的默认程序打开。督办不检查其中的内容，请确认来源可靠。要打开吗？</source>
        <translation>“{name}” ({kind}) will be opened with this PC&apos;s default program. Duban does not check what it contains; make sure it comes from a trusted source. Open it?</translation>
    </message>
</context>
<context>
    <name>AttachmentWords</name>
    <message>
        <source>JPEG 图片</source>
        <translation>JPEG image</translation>
    </message>
    <message>
        <source>PNG 图片</source>
        <translation>PNG image</translation>
    </message>
    <message>
        <source>Word 文档</source>
        <translation>Word document</translation>
    </message>
    <message>
        <source>Excel 表格</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>OFD 版式文件</source>
        <translation>OFD document</translation>
    </message>
    <message>
        <source>纯文本</source>
        <translation>plain text</translation>
    </message>
    <message>
        <source>含 JavaScript 脚本</source>
        <translation>contains JavaScript</translation>
    </message>
    <message>
        <source>含嵌入文件</source>
        <translation>contains embedded files</translation>
    </message>
    <message>
        <source>含启动外部程序的动作</source>
        <translation>contains an action that launches a program</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} 字节</source>
        <translation>{n} bytes</translation>
    </message>
    <message>
        <source>{n} 页</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <source>{name} — {facts}</source>
        <translation>{name} — {facts}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>单个文件不超过 {file} MB，每条进展最多 {count} 个、合计 {total} MB。</source>
        <translation>At most {file} MB per file, {count} files and {total} MB in all per report.</translation>
    </message>
    <message>
        <source>“{name}”是空文件（0 字节），不能作为佐证材料。</source>
        <translation>“{name}” is empty (0 bytes) and cannot be attached.</translation>
    </message>
    <message>
        <source>无法读取“{name}”（文件不存在、是文件夹或没有权限）。</source>
        <translation>“{name}” cannot be read (missing, a folder, or no permission).</translation>
    </message>
    <message>
        <source>“{name}”超过单个文件大小上限（{limit}）。</source>
        <translation>“{name}” is larger than the limit per file ({limit}).</translation>
    </message>
    <message>
        <source>每条进展最多 {limit} 个佐证材料，“{name}”未能添加。</source>
        <translation>A report may carry at most {limit} files; “{name}” was not added.</translation>
    </message>
    <message>
        <source>佐证材料合计超过 {limit}，“{name}”未能添加。</source>
        <translation>The files of a report would exceed {limit} in all; “{name}” was not added.</translation>
    </message>
    <message>
        <source>“{name}”实际是可执行程序，不能作为佐证材料（与文件名无关）。</source>
        <translation>“{name}” is actually a program and cannot be attached (whatever its name says).</translation>
    </message>
    <message>
        <source>“{name}”是脚本或打开即运行的文件类型，不能作为佐证材料。</source>
        <translation>“{name}” is a script or a kind of file that runs when opened; it cannot be attached.</translation>
    </message>
    <message>
        <source>“{name}”是压缩包，内容无法检查，请解压后添加其中的文件。</source>
        <translation>“{name}” is an archive whose contents cannot be checked; extract it and attach the files inside.</translation>
    </message>
    <message>
        <source>“{name}”是含宏的 Office 文件，请另存为 .docx/.xlsx 后添加。</source>
        <translation>“{name}” is a macro-enabled Office file; save it as .docx/.xlsx and attach that.</translation>
    </message>
    <message>
        <source>“{name}”看似 Word/Excel/OFD 文件，但内容不是有效的文档格式。</source>
        <translation>“{name}” looks like a Word/Excel/OFD file but is not a valid document.</translation>
    </message>
    <message>
        <source>“{name}”是旧版 Office 格式（.doc/.xls），请另存为 .docx/.xlsx。</source>
        <translation>“{name}” is in the old Office format (.doc/.xls); save it as .docx/.xlsx.</translation>
    </message>
    <message>
        <source>“{name}”中含有解压后异常巨大的数据（疑似压缩炸弹），已拒绝。</source>
        <translation>“{name}” contains data that inflates to an absurd size (a compression bomb); refused.</translation>
    </message>
    <message>
        <source>“{name}”不是允许的类型。允许：PDF、JPEG、PNG、Word（.docx）、Excel（.xlsx）、OFD、纯文本。</source>
        <translation>“{name}” is not an allowed kind. Allowed: PDF, JPEG, PNG, Word (.docx), Excel (.xlsx), OFD, plain text.</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>可把文件拖到这里。</source>
        <translation> Files can be dropped here.</translation>
    </message>
    <message>
        <source>未能添加佐证材料</source>
        <translation>Files not attached</translation>
    </message>
    <message>
        <source>选择佐证材料</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <source>佐证材料 (*.pdf *.jpg *.jpeg *.png *.docx *.xlsx *.ofd *.txt);;所有文件 (*)</source>
        <translation>Evidence (*.pdf *.jpg *.jpeg *.png *.docx *.xlsx *.ofd *.txt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>BackupCommands</name>
    <message>
        <source>数据在服务器上：备份和恢复由服务器的 pg_dump 定时任务负责。</source>
        <translation>The data is on the server: backups and restores are done by the server&apos;s scheduled pg_dump.</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore a Backup</translation>
    </message>
    <message>
        <source>正在导入或导出，请稍后再试。</source>
        <translation>An import or export is running; please try again when it has finished.</translation>
    </message>
    <message>
        <source>还没有备份。数据库会在升级结构和导入交换文件之前自动备份（{folder}）。</source>
        <translation>There are no backups yet. The database is backed up automatically before a schema upgrade and before importing exchange files ({folder}).</translation>
    </message>
    <message>
        <source>用 {time}（{reason}）的备份替换当前数据吗？

此后录入的进展、导入的交换文件都会从本机数据中消失；当前数据会先另存为一份备份，需要时可以再恢复回来。</source>
        <translation>Replace the current data with the backup of {time} ({reason})?

Progress entered and exchange files imported since then will disappear from this PC&apos;s data. The current data is saved as a backup first, so it can be restored again if needed.</translation>
    </message>
    <message>
        <source>这份备份来自另一台电脑（{owner}），不是本机的数据。

恢复后本机将变成那台电脑：安装编号、所属单位和已登记的密钥都随之改变。只有更换电脑、接收旧电脑的数据时才应这样做。确定要恢复吗？</source>
        <translation>This backup comes from another PC ({owner}), not from this one.

After restoring it, this PC becomes that PC: installation id, unit and registered keys all change with it. Do this only when replacing a PC and taking over the old PC&apos;s data. Restore it?</translation>
    </message>
    <message>
        <source>正在恢复备份…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <source>已恢复所选备份。</source>
        <translation>The selected backup has been restored.</translation>
    </message>
    <message>
        <source>恢复前的数据已另存为：{name}</source>
        <translation>The data as it was before the restore is saved as: {name}</translation>
    </message>
    <message>
        <source>已恢复备份</source>
        <translation>Backup restored</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>恢复备份</source>
        <translation>Restore a Backup</translation>
    </message>
    <message>
        <source>数据库在升级结构和导入交换文件之前会自动备份，保留最近几份。恢复所选备份时，当前数据会先另存为一份备份，恢复之后仍可再恢复回来。</source>
        <translation>The database is backed up automatically before a schema upgrade and before importing exchange files; the last few copies are kept. Restoring a backup first saves the current data as a backup too, so a restore can be undone.</translation>
    </message>
    <message>
        <source>备份位置：{folder}</source>
        <translation>Backups are in: {folder}</translation>
    </message>
    <message>
        <source>备份时间</source>
        <translation>Made at</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>恢复所选备份…</source>
        <translation>Restore Selected Backup…</translation>
    </message>
    <message>
        <source>请先选择要恢复的备份。</source>
        <translation>Please select the backup to restore.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>升级数据库结构前</source>
        <translation>Before a schema upgrade</translation>
    </message>
    <message>
        <source>导入交换文件前</source>
        <translation>Before importing an exchange file</translation>
    </message>
    <message>
        <source>恢复备份前</source>
        <translation>Before restoring a backup</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>时间未知</source>
        <translation>Time unknown</translation>
    </message>
    <message>
        <source>备份文件已不存在。</source>
        <translation>The backup file no longer exists.</translation>
    </message>
    <message>
        <source>备份文件不是 SQLite 数据库，或已损坏。</source>
        <translation>The backup file is not an SQLite database, or it is damaged.</translation>
    </message>
    <message>
        <source>备份文件不是督办的数据库。</source>
        <translation>The backup file is not a Duban database.</translation>
    </message>
    <message>
        <source>这份备份由更新版本的督办创建，本版本无法使用。</source>
        <translation>This backup was made by a newer version of Duban and cannot be used by this one.</translation>
    </message>
    <message>
        <source>备份文件已损坏，不能恢复。</source>
        <translation>The backup file is damaged and cannot be restored.</translation>
    </message>
    <message>
        <source>这份备份来自另一台电脑（{detail}），没有恢复。</source>
        <translation>This backup comes from another PC ({detail}); it was not restored.</translation>
    </message>
    <message>
        <source>恢复时出错：{reason}</source>
        <translation>Restoring failed: {reason}</translation>
    </message>
    <message>
        <source>当前数据未作改动。</source>
        <translation> The current data has not been changed.</translation>
    </message>
</context>
<context>
    <name>ChangeWatcher</name>
    <message>
        <source>暂时连不上数据库服务器，稍后自动重试。</source>
        <extracomment>How often a window on a server asks whether anything changed (one small query).</extracomment>
        <translation>Cannot reach the database server for the moment; retrying shortly.</translation>
    </message>
</context>
<context>
    <name>CloseTaskDialog</name>
    <message>
        <source>办结销号</source>
        <translation>Close task</translation>
    </message>
    <message>
        <source>恢复办理</source>
        <translation>Reopen task</translation>
    </message>
    <message>
        <source>任务 {number}：{text}</source>
        <translation>Task {number}: {text}</translation>
    </message>
    <message>
        <source>审核最终报告后办结销号：此后该任务显示为“已完成”，不再提醒。</source>
        <translation>Close the task after reviewing the final report: it then shows as “Done” and is no longer chased.</translation>
    </message>
    <message>
        <source>恢复办理后，该任务重新按完成时限和报送节点计算状态。</source>
        <translation>Once reopened, the task&apos;s status follows its deadline and report rounds again.</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>该任务已经办结。</source>
        <translation>This task is already closed.</translation>
    </message>
    <message>
        <source>该任务尚未办结。</source>
        <translation>This task is not closed.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>不能填报</source>
        <translation>Cannot report</translation>
    </message>
    <message>
        <source>不能修改</source>
        <translation>Cannot revise</translation>
    </message>
    <message>
        <source>进展已保存。</source>
        <translation>Progress saved.</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>不能撤回</source>
        <translation>Cannot withdraw</translation>
    </message>
    <message>
        <source>撤回进展</source>
        <translation>Withdraw report</translation>
    </message>
    <message>
        <source>撤回 {unit} 的这份进展（记录保留在历史中，不再计入报送）。撤回原因：</source>
        <translation>Withdraw this report of {unit} (it stays in the history and no longer counts as reported). Reason:</translation>
    </message>
    <message>
        <source>进展已撤回。</source>
        <translation>Report withdrawn.</translation>
    </message>
    <message>
        <source>未能撤回</source>
        <translation>Not withdrawn</translation>
    </message>
    <message>
        <source>正在导入方案…</source>
        <translation>Importing plan…</translation>
    </message>
    <message>
        <source>已导入方案：{title}（{count} 项任务）</source>
        <translation>Plan imported: {title} ({count} tasks)</translation>
    </message>
    <message>
        <source>导入失败：{reason}</source>
        <translation>Import failed: {reason}</translation>
    </message>
    <message>
        <source>未能导入方案</source>
        <translation>Plan not imported</translation>
    </message>
</context>
<context>
    <name>CompletionDonut</name>
    <message>
        <source>完成率</source>
        <extracomment>Colour of empty rings and bars. The donut starts at 12 o&apos;clock with what is done, then the rest from good to bad. A light was clicked (its value), or the centre (&quot;&quot;: every task).</extracomment>
        <translation>Completion</translation>
    </message>
    <message>
        <source>{done}/{total} 项</source>
        <translation>{done}/{total} tasks</translation>
    </message>
    <message>
        <source>{light}：{count} 项（{reason}）</source>
        <translation>{light}: {count} tasks ({reason})</translation>
    </message>
    <message>
        <source>单击查看全部任务</source>
        <translation>Click to see every task</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>连接到服务器</source>
        <extracomment>libpq&apos;s sslmode values offered, most common first (&quot;prefer&quot;: TLS when the server has it).</extracomment>
        <translation>Connect to server</translation>
    </message>
    <message>
        <source>例如 192.168.1.20 或 dubanserver</source>
        <translation>e.g. 192.168.1.20 or dubanserver</translation>
    </message>
    <message>
        <source>可留空：使用 PGPASSWORD 或 pgpass 文件</source>
        <translation>May be left empty: PGPASSWORD or the pgpass file is used</translation>
    </message>
    <message>
        <source>服务器地址：</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>端口：</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>数据库名：</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>加密连接：</source>
        <translation>Encryption:</translation>
    </message>
    <message>
        <source>密码只在本次运行中使用，不会保存。服务器上的数据由办公室各台电脑共用，其他电脑录入的内容会自动显示。</source>
        <translation>The password is used for this session only and never saved. The data on the server is shared by the office&apos;s PCs; entries made on other PCs appear by themselves.</translation>
    </message>
    <message>
        <source>测试连接(&amp;T)</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>连接(&amp;C)</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>改用本机数据(&amp;L)</source>
        <translation>Use this PC&apos;s &amp;local data</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>有则加密（prefer）</source>
        <translation>Encrypt when the server offers it (prefer)</translation>
    </message>
    <message>
        <source>必须加密（require）</source>
        <translation>Always encrypt (require)</translation>
    </message>
    <message>
        <source>加密并核对服务器证书（verify-full）</source>
        <translation>Encrypt and verify the server certificate (verify-full)</translation>
    </message>
    <message>
        <source>不加密（disable）</source>
        <translation>No encryption (disable)</translation>
    </message>
    <message>
        <source>请填写服务器地址。</source>
        <translation>Please enter the server address.</translation>
    </message>
    <message>
        <source>请填写数据库名。</source>
        <translation>Please enter the database name.</translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>连接成功：PostgreSQL {version}。</source>
        <translation>Connected: PostgreSQL {version}.</translation>
    </message>
    <message>
        <source>连接失败：{reason}</source>
        <translation>Connection failed: {reason}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>今天</source>
        <extracomment>(task ids, what they are) — the window filters the tree to exactly these tasks.</extracomment>
        <translation>Today</translation>
    </message>
    <message>
        <source>全部任务</source>
        <translation>All tasks</translation>
    </message>
    <message>
        <source>待补充</source>
        <translation>To complete</translation>
    </message>
    <message>
        <source>分工单位无法从原文识别，待协调办公室补全的任务</source>
        <translation>Tasks whose units could not be read from the document, waiting for the coordinating office to complete them</translation>
    </message>
    <message>
        <source>截至</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>完成情况</source>
        <translation>Completion</translation>
    </message>
    <message>
        <source>各部分</source>
        <translation>By section</translation>
    </message>
    <message>
        <source>各单位任务状态</source>
        <translation>Task status by unit</translation>
    </message>
    <message>
        <source>各单位报送情况</source>
        <translation>Reporting by unit</translation>
    </message>
    <message>
        <source>报送节点：{rounds}&#x3000;方案完成时限：{deadline}&#x3000;临期提醒：{days} 天</source>
        <translation>Report rounds: {rounds}   Plan deadline: {deadline}   Due-soon warning: {days} days</translation>
    </message>
    <message>
        <source>截至 {date}：{what}</source>
        <translation>As of {date}: {what}</translation>
    </message>
    <message>
        <source>{unit} · {what}</source>
        <translation>{unit} · {what}</translation>
    </message>
    <message>
        <source>{section} · {what}</source>
        <translation>{section} · {what}</translation>
    </message>
    <message>
        <source>单位</source>
        <extracomment>Unit id (unit table) or section id (section table) of a row. The value a column sorts by (numbers as numbers).</extracomment>
        <translation>Unit</translation>
    </message>
    <message>
        <source>承担任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>应报任务</source>
        <translation>Reports owed</translation>
    </message>
    <message>
        <source>本轮未报送</source>
        <translation>Missing this round</translation>
    </message>
    <message>
        <source>逾期任务</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>方案中点到的单位</source>
        <translation>A unit named in the plan</translation>
    </message>
    <message>
        <source>该单位参与的全部任务（牵头、负责、配合）</source>
        <translation>Every task the unit takes part in (lead, responsible, cooperating)</translation>
    </message>
    <message>
        <source>该单位牵头或负责、须报送进展的任务</source>
        <translation>Tasks the unit leads or is responsible for, on which it owes progress reports</translation>
    </message>
    <message>
        <source>上一报送节点已过、该单位尚未报送进展的任务</source>
        <translation>Tasks on which the unit has not reported since the last report round passed</translation>
    </message>
    <message>
        <source>该单位参与、已过完成时限仍未完成的任务</source>
        <translation>Tasks of the unit past their deadline and not done</translation>
    </message>
    <message>
        <source>该单位参与、已完成或已办结的任务</source>
        <translation>Tasks of the unit that are done or closed</translation>
    </message>
    <message>
        <source>{unit}：{what} {count} 项（单击在方案中查看）</source>
        <translation>{unit}: {what} {count} (click to see them in the plan)</translation>
    </message>
    <message>
        <source>部分</source>
        <extracomment>A section table row: section id, label (一、…), counts by light.</extracomment>
        <translation>Section</translation>
    </message>
    <message>
        <source>任务数</source>
        <translation>Tasks</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <source>设置完成时限</source>
        <translation>Set Deadline</translation>
    </message>
    <message>
        <source>任务 {number}：{text}</source>
        <translation>Task {number}: {text}</translation>
    </message>
    <message>
        <source>整个方案（未单独设定时限的任务均按此时限）</source>
        <translation>The whole plan (tasks without a deadline of their own follow it)</translation>
    </message>
    <message>
        <source>完成日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>长期坚持</source>
        <translation>Long-term</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>修改原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>设定对象</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <source>完成时限没有变化。</source>
        <translation>The deadline has not changed.</translation>
    </message>
    <message>
        <source>当前完成时限：{deadline}</source>
        <translation>Current deadline: {deadline}</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>进展记录（最新在前）</source>
        <translation>Progress reports (newest first)</translation>
    </message>
    <message>
        <source>佐证材料（双击查看）</source>
        <translation>Evidence (double-click to view)</translation>
    </message>
    <message>
        <source>填报进展…</source>
        <translation>Report progress…</translation>
    </message>
    <message>
        <source>修改所选记录…</source>
        <translation>Revise selected…</translation>
    </message>
    <message>
        <source>撤回所选记录…</source>
        <translation>Withdraw selected…</translation>
    </message>
    <message>
        <source>请在左侧选择一项任务</source>
        <translation>Select a task on the left</translation>
    </message>
    <message>
        <source>共 {count} 项任务，已完成 {done} 项。</source>
        <translation>{count} tasks, {done} done.</translation>
    </message>
    <message>
        <source>任务 {number}</source>
        <translation>Task {number}</translation>
    </message>
    <message>
        <source>（{days}）</source>
        <translation> ({days})</translation>
    </message>
    <message>
        <source>状态：{state}</source>
        <translation>Status: {state}</translation>
    </message>
    <message>
        <source>完成时限：{d}</source>
        <translation>Deadline: {d}</translation>
    </message>
    <message>
        <source>未报送单位：{units}</source>
        <translation>Not reported by: {units}</translation>
    </message>
    <message>
        <source>协调办公室新增的任务</source>
        <translation>Task added by the coordinating office</translation>
    </message>
    <message>
        <source>{unit} 的进展已被协调办公室退回修改（{day}）：{reason}</source>
        <translation>The coordinating office returned the report of {unit} for revision ({day}): {reason}</translation>
    </message>
    <message>
        <source>&lt;b&gt;领导批示&lt;/b&gt;&#x3000;{leader}（{day}）：{text}</source>
        <translation>&lt;b&gt;Leader&apos;s instruction&lt;/b&gt;  {leader} ({day}): {text}</translation>
    </message>
    <message>
        <source>搜索匹配：
{hits}</source>
        <translation>Search matches:
{hits}</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>最新进展</source>
        <translation>Latest progress</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>完成%</source>
        <translation>Done %</translation>
    </message>
    <message>
        <source>填报人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>工作进展</source>
        <translation>Work done</translation>
    </message>
    <message>
        <source>再显示 {n} 条</source>
        <translation>show {n} more</translation>
    </message>
    <message>
        <source>全部显示</source>
        <translation>show all</translation>
    </message>
    <message>
        <source>仅显示最近 {shown} 条，共 {total} 条。</source>
        <translation>Showing the newest {shown} of {total} entries.</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>revised</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>代报</source>
        <translation>on behalf</translation>
    </message>
    <message>
        <source>待核对</source>
        <translation>to check</translation>
    </message>
    <message>
        <source>不合规（旧版录入）</source>
        <translation>breaks today&apos;s rules (older version)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>（原因：{reason}）</source>
        <translation> (reason: {reason})</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>下一步计划</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>修改/撤回原因、说明</source>
        <translation>Reason / explanation</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>{label}：{value}</source>
        <translation>{label}: {value}</translation>
    </message>
</context>
<context>
    <name>ExchangeCommands</name>
    <message>
        <source>尚未设置本机单位</source>
        <translation>This PC&apos;s unit is not set</translation>
    </message>
    <message>
        <source>导出的文件以本机所属单位的名义发送，须先设置本机单位。现在设置吗？</source>
        <translation>An export is sent in the name of the unit this PC serves, so the unit must be set first. Set it now?</translation>
    </message>
    <message>
        <source>正在导出交换文件…</source>
        <translation>Exporting the exchange file…</translation>
    </message>
    <message>
        <source>已导出：{name}</source>
        <translation>Exported: {name}</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已导出：{path}

文件已写入并读回核对无误，可以安全拔出 U 盘。</source>
        <translation>Exported: {path}

The file was written and read back intact. You can safely remove the USB stick.</translation>
    </message>
    <message>
        <source>目标文件夹中没有留下不完整的文件。</source>
        <translation>No incomplete file was left in the target folder.</translation>
    </message>
    <message>
        <source>导出失败：{reason}</source>
        <translation>Export failed: {reason}</translation>
    </message>
    <message>
        <source>未能导出</source>
        <translation>Could not export</translation>
    </message>
    <message>
        <source>本机密钥</source>
        <translation>This PC&apos;s key</translation>
    </message>
    <message>
        <source>无法读取本机密钥（原因代码：{code}）。</source>
        <translation>This PC&apos;s key cannot be read (reason code: {code}).</translation>
    </message>
    <message>
        <source>本机：{name}（{unit}）
密钥编号：{key_id}
密钥指纹：{fingerprint}

请打印登记卡，经办人签字、加盖单位公章后交协调办公室备案。现在保存登记卡 PDF 吗？</source>
        <translation>This PC: {name} ({unit})
Key id: {key_id}
Fingerprint: {fingerprint}

Print the registration card, have it signed and stamped with the unit&apos;s seal, and hand it to the coordinating office. Save the registration card as PDF now?</translation>
    </message>
    <message>
        <source>本机密钥与登记卡</source>
        <translation>This PC&apos;s key and registration card</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>登记卡已保存：{path}</source>
        <translation>Registration card saved: {path}</translation>
    </message>
    <message>
        <source>无法登记</source>
        <translation>Cannot register</translation>
    </message>
    <message>
        <source>这个文件没有签名（旧版 Duban 导出），请对方升级后重新导出。</source>
        <translation>This file is not signed (exported by an old Duban). Ask the sender to update Duban and export again.</translation>
    </message>
    <message>
        <source>与文件中的密钥不一致：第 {groups} 组不同，未登记（已记入导入日志）。请再逐组核对登记卡；若确实不一致，该文件可能不是对方导出的，请勿导入并与对方联系。</source>
        <translation>Does not match the key in the file: group(s) {groups} differ; not registered (noted in the import log). Check the card again group by group; if it really differs, the file may not come from the sender: do not import it and contact them.</translation>
    </message>
    <message>
        <source>同一安装编号登记在另一单位</source>
        <translation>One installation id registered for another unit</translation>
    </message>
    <message>
        <source>这个安装编号已登记在{owner}名下，而这份文件来自{sender}。两台电脑可能是从同一个系统镜像复制的。

如果是复制的电脑，请选“否”：{owner}的密钥继续有效，请让后装的那台电脑用新的数据目录重新安装督办，再打印登记卡。
如果确是同一台电脑改了单位或名称（已电话核实），请选“是”：登记新密钥，原密钥停用。</source>
        <translation>This installation id is registered for {owner}, but this file comes from {sender}. The two PCs may have been copied from one system image.

If the PC was copied, choose No: {owner}&apos;s key stays valid; have the later PC reinstall Duban with a new data folder, then print its registration card.
If it really is the same PC with another unit or name (checked by phone), choose Yes: the new key is registered and the old one retired.</translation>
    </message>
    <message>
        <source>指纹与登记卡一致，已登记{sender}的密钥（指纹 {fingerprint}）。现在可以导入该单位的文件。</source>
        <translation>The fingerprint matches the card: {sender}&apos;s key is registered (fingerprint {fingerprint}). Files from this unit can now be imported.</translation>
    </message>
    <message>
        <source>未能登记这把密钥（原因代码：{code}）。</source>
        <translation>This key could not be registered (reason code: {code}).</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>正在导入交换文件（{current}/{total}）：{name}</source>
        <translation>Importing exchange file ({current}/{total}): {name}</translation>
    </message>
    <message>
        <source>导入完成：{files} 个文件，新记录 {new} 条。</source>
        <translation>Import finished: {files} file(s), {new} new record(s).</translation>
    </message>
</context>
<context>
    <name>ExchangeExportDialog</name>
    <message>
        <source>导出交换文件</source>
        <translation>Export exchange file</translation>
    </message>
    <message>
        <source>{office}（{computer}）</source>
        <translation>{office} ({computer})</translation>
    </message>
    <message>
        <source>本单位（{unit}）的进展记录</source>
        <translation>Progress records of this unit ({unit})</translation>
    </message>
    <message>
        <source>某单位的进展记录：</source>
        <translation>Progress records of one unit:</translation>
    </message>
    <message>
        <source>请选择单位</source>
        <translation>Choose a unit</translation>
    </message>
    <message>
        <source>请选择 U 盘或其中的文件夹</source>
        <translation>Choose a USB stick or a folder on it</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>文件先写成临时文件，读回核对无误后才改为正式文件名。在提示“可以安全拔出 U 盘”之前，请不要拔出 U 盘。</source>
        <translation>The file is first written under a temporary name and gets its final name only after it has been read back and checked. Do not remove the USB stick before you are told it is safe.</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>This PC</translation>
    </message>
    <message>
        <source>方案</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>导出内容</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>请选择要导出哪个单位的记录。</source>
        <translation>Choose the unit whose records to export.</translation>
    </message>
    <message>
        <source>请选择保存交换文件的文件夹（通常是 U 盘）。</source>
        <translation>Choose the folder to save the exchange file in (usually a USB stick).</translation>
    </message>
</context>
<context>
    <name>ExchangeFileModel</name>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>发送方</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>新记录</source>
        <translation>New</translation>
    </message>
    <message>
        <source>已有</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>拒收</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>方案修订</source>
        <translation>Plan changes</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>待登记密钥</source>
        <translation>Key not registered</translation>
    </message>
    <message>
        <source>签名未通过</source>
        <translation>Signature refused</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>可以导入</source>
        <translation>Ready to import</translation>
    </message>
    <message>
        <source>已导入过</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <source>出错</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>文件：{path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>正在读取和核对…</source>
        <translation>Reading and checking…</translation>
    </message>
    <message>
        <source>出错：{reason}</source>
        <translation>Error: {reason}</translation>
    </message>
    <message>
        <source>数据库未作任何改动。</source>
        <translation>The database was not changed.</translation>
    </message>
    <message>
        <source>拒收：{reason}</source>
        <translation>Refused: {reason}</translation>
    </message>
    <message>
        <source>文件自称来自：{unit}（{computer}）</source>
        <translation>The file claims to come from: {unit} ({computer})</translation>
    </message>
    <message>
        <source>整个文件未被接受，数据库未作任何改动。</source>
        <translation>The whole file was refused; the database was not changed.</translation>
    </message>
    <message>
        <source>来自：{sender}；方案：{plan}</source>
        <translation>From: {sender}; plan: {plan}</translation>
    </message>
    <message>
        <source>来自：{sender}</source>
        <translation>From: {sender}</translation>
    </message>
    <message>
        <source>方案：{plan}</source>
        <translation>Plan: {plan}</translation>
    </message>
    <message>
        <source>这个文件已经导入过，0 条新记录。再次导入不会改动任何数据。</source>
        <translation>This file was already imported: 0 new records. Importing it again changes nothing.</translation>
    </message>
    <message>
        <source>新记录 {new} 条，已有 {present} 条，冲突 {conflicts} 条，拒收 {rejected} 条，方案修订 {changes} 条</source>
        <translation>{new} new, {present} already present, {conflicts} conflicts, {rejected} rejected, {changes} plan changes</translation>
    </message>
    <message>
        <source>冲突：同一份进展被两处修改，两份都会保留，较新的一份显示为当前进展。</source>
        <translation>Conflicts: the same report was edited in two places; both versions are kept and the later one is shown as current.</translation>
    </message>
    <message>
        <source>拒收的记录（不会导入，其余记录照常导入）：</source>
        <translation>Rejected records (not imported; the other records are imported as usual):</translation>
    </message>
    <message>
        <source>任务 {number}</source>
        <translation>Task {number}</translation>
    </message>
    <message>
        <source>记录 {id}</source>
        <translation>Record {id}</translation>
    </message>
    <message>
        <source>{where}，{unit}</source>
        <translation>{where}, {unit}</translation>
    </message>
    <message>
        <source>  {where}：{reason}</source>
        <translation>  {where}: {reason}</translation>
    </message>
    <message>
        <source>需要核对的异常：</source>
        <translation>Anomalies to check:</translation>
    </message>
    <message>
        <source>  记录 {id}：{reason}</source>
        <translation>  Record {id}: {reason}</translation>
    </message>
    <message>
        <source>导入前的数据库备份：{path}</source>
        <translation>Backup of the database before the import: {path}</translation>
    </message>
</context>
<context>
    <name>ExchangeImportDialog</name>
    <message>
        <source>导入交换文件</source>
        <translation>Import exchange files</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>核对并登记密钥…</source>
        <translation>Check and register key…</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>请等待文件读取完成。</source>
        <translation>Please wait until the files have been read.</translation>
    </message>
    <message>
        <source>没有可以导入的文件。</source>
        <translation>There is no file that can be imported.</translation>
    </message>
    <message>
        <source>导入结果</source>
        <translation>Import results</translation>
    </message>
    <message>
        <source>已导入 {imported} 个文件，新记录 {new} 条；未导入 {other} 个文件。</source>
        <translation>Imported {imported} file(s) with {new} new record(s); {other} file(s) not imported.</translation>
    </message>
    <message>
        <source>正在读取和核对第 {current}/{total} 个文件…</source>
        <translation>Reading and checking file {current} of {total}…</translation>
    </message>
    <message>
        <source>共 {total} 个文件：可以导入 {ready} 个，已导入过 {already} 个，不能导入 {refused} 个。</source>
        <translation>{total} file(s): {ready} ready to import, {already} already imported, {refused} cannot be imported.</translation>
    </message>
    <message>
        <source>数据库尚未改动；核对无误后点击“导入”。</source>
        <translation>Nothing has been changed yet; check the list, then click “Import”.</translation>
    </message>
</context>
<context>
    <name>ExchangeWords</name>
    <message>
        <source>无法读取文件（文件不存在、是文件夹或没有读取权限）。</source>
        <translation>The file cannot be read (it does not exist, is a folder, or may not be read).</translation>
    </message>
    <message>
        <source>这是未写完的临时文件（.partial），请重新导出。</source>
        <translation>This is an unfinished temporary file (.partial); please export again.</translation>
    </message>
    <message>
        <source>文件为空。</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>文件过大，不是督办交换文件。</source>
        <translation>The file is too large to be a Duban exchange file.</translation>
    </message>
    <message>
        <source>不是督办交换文件（不是 SQLite 数据库）。</source>
        <translation>Not a Duban exchange file (not an SQLite database).</translation>
    </message>
    <message>
        <source>文件不完整（可能复制时 U 盘被拔出），请重新导出。</source>
        <translation>The file is incomplete (perhaps the USB stick was removed while copying); please export again.</translation>
    </message>
    <message>
        <source>文件长度与其头部不符（文件被改动或损坏）。</source>
        <translation>The file length does not match its header (the file was changed or damaged).</translation>
    </message>
    <message>
        <source>文件头部损坏。</source>
        <translation>The file header is damaged.</translation>
    </message>
    <message>
        <source>文件不完整（WAL 模式），请重新导出。</source>
        <translation>The file is incomplete (WAL mode); please export again.</translation>
    </message>
    <message>
        <source>文件的文字编码不是 UTF-8，不是督办交换文件。</source>
        <translation>The file&apos;s text encoding is not UTF-8: not a Duban exchange file.</translation>
    </message>
    <message>
        <source>这是其他软件的 SQLite 文件，不是督办交换文件。</source>
        <translation>This is another program&apos;s SQLite file, not a Duban exchange file.</translation>
    </message>
    <message>
        <source>交换文件由更新版本的督办导出，请升级督办后再导入。</source>
        <translation>The file was exported by a newer Duban; please update Duban, then import it.</translation>
    </message>
    <message>
        <source>交换文件格式过旧，无法读取。</source>
        <translation>The exchange file format is too old to be read.</translation>
    </message>
    <message>
        <source>文件结构与督办交换文件不符（多出或缺少表、视图、触发器或索引）。</source>
        <translation>The file&apos;s structure is not that of a Duban exchange file (extra or missing tables, views, triggers or indexes).</translation>
    </message>
    <message>
        <source>文件已损坏（完整性检查未通过）。</source>
        <translation>The file is damaged (integrity check failed).</translation>
    </message>
    <message>
        <source>文件内部引用不一致（已损坏）。</source>
        <translation>The file&apos;s internal references are inconsistent (damaged).</translation>
    </message>
    <message>
        <source>文件试图执行不允许的操作，已拒绝。</source>
        <translation>The file tried to do something that is not allowed and was refused.</translation>
    </message>
    <message>
        <source>读取文件超时（文件可能被恶意构造）。</source>
        <translation>Reading the file took too long (it may have been crafted to harm).</translation>
    </message>
    <message>
        <source>文件超出读取限制（文件可能被恶意构造）。</source>
        <translation>The file exceeds the reading limits (it may have been crafted to harm).</translation>
    </message>
    <message>
        <source>文件中有类型或取值不正确的数据。</source>
        <translation>The file holds values of the wrong type or out of range.</translation>
    </message>
    <message>
        <source>文件中的记录数过多。</source>
        <translation>The file holds too many records.</translation>
    </message>
    <message>
        <source>清单中的记录数与文件内容不符（文件被改动）。</source>
        <translation>The record counts in the manifest do not match the contents (the file was changed).</translation>
    </message>
    <message>
        <source>记录的校验值与清单不符（文件在导出后被改动）。</source>
        <translation>The records&apos; checksum does not match the manifest (the file was changed after export).</translation>
    </message>
    <message>
        <source>文件的签名无效（文件在导出后被改动，或不是由督办导出）。</source>
        <translation>The file&apos;s signature is not valid (it was changed after export, or not exported by Duban).</translation>
    </message>
    <message>
        <source>该交换文件属于另一份方案，本机还没有这份方案：请先用“文件 → 导入方案”导入该方案的原文件，再导入本文件。</source>
        <translation>This exchange file belongs to another plan, which this PC does not have yet: first bring in that plan’s document (File → Import plan), then import this file.</translation>
    </message>
    <message>
        <source>佐证材料与签名记录中的校验值不符（缺少、多出或被改动），请对方重新导出。</source>
        <translation>The evidence files do not match the checksums in the signed records (missing, extra or changed); ask the sender to export again.</translation>
    </message>
    <message>
        <source>文件中的佐证材料不是允许的类型（如可执行程序），已拒收。</source>
        <translation>The file carries evidence of a kind that is not allowed (such as a program); refused.</translation>
    </message>
    <message>
        <source>文件未被接受（原因代码：{code}）。</source>
        <translation>The file was not accepted (reason code: {code}).</translation>
    </message>
    <message>
        <source>文件没有签名（由旧版督办导出），只能预览，不能导入。请发送方升级后重新导出。</source>
        <translation>The file is not signed (exported by an older Duban): it can be previewed but not imported. Ask the sender to update and export again.</translation>
    </message>
    <message>
        <source>发送方的签名密钥尚未在本机登记，只能预览，不能导入。请点“登记密钥…”，输入发送方登记卡上的指纹（或电话核实），登记后再导入。</source>
        <translation>The sender&apos;s signing key is not registered on this PC: the file can be previewed, not imported. Click “Register key…” and type the fingerprint from the sender&apos;s registration card (or check it by phone), then import.</translation>
    </message>
    <message>
        <source>签名所用的密钥已停用，文件不能导入。请发送方用新密钥重新导出。</source>
        <translation>The file was signed with a retired key and cannot be imported. Ask the sender to export again with the new key.</translation>
    </message>
    <message>
        <source>签名密钥登记的是另一台电脑或另一个单位，文件不能导入。</source>
        <translation>The signing key is registered for another computer or another unit; the file cannot be imported.</translation>
    </message>
    <message>
        <source>文件自称来自协调办公室，但签名不是本机登记的协调办公室密钥，文件不能导入。</source>
        <translation>The file claims to come from the coordinating office but is not signed with the office key registered here; it cannot be imported.</translation>
    </message>
    <message>
        <source>发送方的签名未通过核验（原因代码：{code}），不能导入。</source>
        <translation>The sender&apos;s signature was not accepted (reason code: {code}); the file cannot be imported.</translation>
    </message>
    <message>
        <source>密钥指纹：{fingerprint}</source>
        <translation>Key fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <source>目标文件夹不存在（U 盘是否已拔出？）：{folder}</source>
        <translation>The target folder does not exist (was the USB stick removed?): {folder}</translation>
    </message>
    <message>
        <source>目标位置只读或没有写入权限：{folder}</source>
        <translation>The target is read-only or may not be written to: {folder}</translation>
    </message>
    <message>
        <source>目标磁盘已满，请腾出空间或换一个 U 盘：{folder}</source>
        <translation>The target disk is full; free some space or use another USB stick: {folder}</translation>
    </message>
    <message>
        <source>目标文件已存在；导出从不覆盖已有文件：{folder}</source>
        <translation>The target file exists already; an export never overwrites a file: {folder}</translation>
    </message>
    <message>
        <source>文件名不被目标磁盘接受：{folder}</source>
        <translation>The target disk does not accept the file name: {folder}</translation>
    </message>
    <message>
        <source>导出文件自检未通过，未写入任何文件。</source>
        <translation>The export failed its own check; no file was written.</translation>
    </message>
    <message>
        <source>写入后读回的内容与原文件不符（U 盘可能有问题），已删除该文件，请换一个 U 盘：{folder}</source>
        <translation>What was read back differs from what was written (the USB stick may be faulty); the file was removed. Please use another USB stick: {folder}</translation>
    </message>
    <message>
        <source>写入时发生错误：{folder}</source>
        <translation>An error occurred while writing: {folder}</translation>
    </message>
    <message>
        <source>导出未完成（原因代码：{code}）：{folder}</source>
        <translation>The export did not finish (reason code: {code}): {folder}</translation>
    </message>
    <message>
        <source>尚未设置本机单位，请先在“工具 → 设置本机单位”中选择。</source>
        <translation>This PC&apos;s unit is not set; choose it first under “Tools → This PC&apos;s unit…”.</translation>
    </message>
    <message>
        <source>只有协调办公室可以导出全部记录或方案内容。</source>
        <translation>Only the coordinating office can export all records or the plan content.</translation>
    </message>
    <message>
        <source>本机属于{detail}，只能导出本单位的记录。</source>
        <translation>This PC belongs to {detail} and can export only that unit&apos;s records.</translation>
    </message>
    <message>
        <source>本机签名密钥设有口令，须输入口令才能导出。</source>
        <translation>This PC&apos;s signing key is protected by a passphrase, which is needed to export.</translation>
    </message>
    <message>
        <source>本机的签名私钥文件不见了（密钥编号 {detail}），未导出。如能从回收站或备份中找回，请放回用户数据目录的 keys 文件夹后重新导出；否则须在“密钥”中停用本机旧密钥、生成新密钥，打印新的登记卡交协调办公室登记：在此之前用新密钥导出的文件会被协调办公室拒收。</source>
        <translation>This PC&apos;s private signing key file is gone (key {detail}); nothing was exported. If it can be found (recycle bin, a backup), put it back in the keys folder of the user data folder and export again; otherwise retire this PC&apos;s old key under Keys, make a new one and have the coordinating office register a new registration card: until then it refuses files signed with the new key.</translation>
    </message>
    <message>
        <source>无法读取本机的签名密钥文件（{detail}），未导出。请检查文件权限；如无法恢复，须停用本机旧密钥、生成新密钥，并打印新的登记卡交协调办公室登记。</source>
        <translation>Cannot read this PC&apos;s signing key file ({detail}); nothing was exported. Check the file&apos;s permissions; if it cannot be recovered, retire this PC&apos;s old key, make a new one and have the coordinating office register a new registration card.</translation>
    </message>
    <message>
        <source>不是发送单位自己的进展记录</source>
        <translation>not the sending unit&apos;s own progress record</translation>
    </message>
    <message>
        <source>记录的填报者不是发送方</source>
        <translation>the record&apos;s author is not the sender</translation>
    </message>
    <message>
        <source>填报者不属于该单位</source>
        <translation>the author does not belong to that unit</translation>
    </message>
    <message>
        <source>方案内容只能由协调办公室修改</source>
        <translation>only the coordinating office may change plan content</translation>
    </message>
    <message>
        <source>本机方案中没有这项任务</source>
        <translation>the plan on this PC has no such task</translation>
    </message>
    <message>
        <source>该单位在这项任务中没有分工</source>
        <translation>the unit has no assignment in this task</translation>
    </message>
    <message>
        <source>记录属于另一份方案</source>
        <translation>the record belongs to another plan</translation>
    </message>
    <message>
        <source>审核意见和领导批示只能由协调办公室记录</source>
        <translation>Reviews and leaders&apos; instructions may be recorded only by the coordinating office</translation>
    </message>
    <message>
        <source>记录编号已被其他单位的记录占用，本机保留原记录（已记入异常）</source>
        <translation>the record id is already taken by another unit&apos;s record; the record held here is kept (logged as an anomaly)</translation>
    </message>
    <message>
        <source>记录挂在其他单位或其他任务的报告下</source>
        <translation>the record is attached to another unit&apos;s or another task&apos;s report</translation>
    </message>
    <message>
        <source>记录修改的是其他单位或其他任务的进展</source>
        <translation>the record edits another unit&apos;s or another task&apos;s progress</translation>
    </message>
    <message>
        <source>记录修改的上一版本在本机和文件中都不存在</source>
        <translation>the revision it edits is neither on this PC nor in the file</translation>
    </message>
    <message>
        <source>记录修改的上一版本已被拒收</source>
        <translation>the revision it edits was refused</translation>
    </message>
    <message>
        <source>记录的计数器大得不合常理（疑似伪造）</source>
        <translation>the record&apos;s counter is implausibly large (probably forged)</translation>
    </message>
    <message>
        <source>方案修订内容无法应用（引用了不存在的部分或任务，或格式错误）</source>
        <translation>the plan change cannot be applied (it names a section or task that does not exist, or is malformed)</translation>
    </message>
    <message>
        <source>记录未被接受（原因代码：{code}）</source>
        <translation>record not accepted (reason code: {code})</translation>
    </message>
    <message>
        <source>同一记录编号内容不同（两份均已保留，请核对）</source>
        <translation>the same record id with different content (both kept; please check)</translation>
    </message>
    <message>
        <source>同一台电脑的记录序号重复（可能恢复过备份或复制了安装），均已保留，请核对</source>
        <translation>a sequence number repeated by one computer (a restored backup or a copied installation?); all kept, please check</translation>
    </message>
    <message>
        <source>需要核对的异常（代码：{code}）</source>
        <translation>an anomaly to check (code: {code})</translation>
    </message>
    <message>
        <source>本单位的进展记录</source>
        <translation>This unit&apos;s progress records</translation>
    </message>
    <message>
        <source>全部记录和方案内容</source>
        <translation>All records and the plan content</translation>
    </message>
    <message>
        <source>仅方案内容</source>
        <translation>Plan content only</translation>
    </message>
    <message>
        <source>未设置单位</source>
        <translation>unit not set</translation>
    </message>
    <message>
        <source>{unit}（{computer}）</source>
        <translation>{unit} ({computer})</translation>
    </message>
    <message>
        <source>已合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>登记密钥：指纹不符，未登记</source>
        <translation>key registration: fingerprint did not match, not registered</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>搜索任务、单位、进展、批示…</source>
        <extracomment>Above this many tasks one keystroke&apos;s filtering costs tens of milliseconds, so the search waits for a pause in typing instead of filtering for every character of a word.</extracomment>
        <translation>Search tasks, units, reports, instructions…</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>全部角色</source>
        <translation>All roles</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filter</translation>
    </message>
</context>
<context>
    <name>GuiSession</name>
    <message>
        <source>正在连接…</source>
        <extracomment>Milliseconds after the plans are shown before the menus&apos; commands are made (and their dialogs imported, about 90 ms): after the tree&apos;s first paint, which a zero timer preceded. Milliseconds between the plans read at start-up being shown and the store being opened. Start-up failures on a server that the connect dialog can put right (password, host). Milliseconds to wait for the window&apos;s first paint before starting anyway (a window that is minimised or covered may not paint at once). The database could not be opened (the clerk has been told); the app should end. The start-up reader, kept until the store opens (it says if the file changed).</extracomment>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>无法打开数据库：{reason}</source>
        <translation>Cannot open the database: {reason}</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Duban</translation>
    </message>
    <message>
        <source>数据库服务器</source>
        <translation>Database server</translation>
    </message>
    <message>
        <source>升级前会用 pg_dump 把整个数据库备份到本机：{folder}。</source>
        <translation>Before the upgrade, pg_dump backs up the whole database to this PC: {folder}. </translation>
    </message>
    <message>
        <source>本机没有 pg_dump，无法先做备份：请先确认服务器自己的备份是最新的。</source>
        <translation>pg_dump is not installed on this PC, so no backup can be made first: make sure the server&apos;s own backups are current. </translation>
    </message>
    <message>
        <source>数据库服务器 {address} 上的督办数据结构是 {current} 版，本程序需要 {target} 版。升级会影响所有连接这台服务器的电脑，升级后旧版本的督办将无法再打开它。{backup}是否现在升级？</source>
        <translation>Duban&apos;s data on the database server {address} has schema {current}; this program needs {target}. The upgrade affects every PC connected to this server, and older versions of Duban cannot open it afterwards. {backup}Upgrade now?</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>佐证材料 — {name}</source>
        <translation>Evidence — {name}</translation>
    </message>
    <message>
        <source>无法显示这张图片：{reason}</source>
        <translation>This image cannot be shown: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportLogDialog</name>
    <message>
        <source>导入日志</source>
        <translation>Import log</translation>
    </message>
    <message>
        <source>尚未导入过交换文件。</source>
        <translation>No exchange file has been imported yet.</translation>
    </message>
</context>
<context>
    <name>ImportLogModel</name>
    <message>
        <source>导入时间</source>
        <translation>Imported at</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>发送方</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>新记录</source>
        <translation>New</translation>
    </message>
    <message>
        <source>已有</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>拒收</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>{unit}（{computer}）</source>
        <translation>{unit} ({computer})</translation>
    </message>
    <message>
        <source>{reason}（{unit}）</source>
        <translation>{reason} ({unit})</translation>
    </message>
    <message>
        <source>拒收 {count} 条：{reason}</source>
        <translation>{count} rejected: {reason}</translation>
    </message>
    <message>
        <source>异常 {count} 条：{reason}</source>
        <translation>{count} anomalies: {reason}</translation>
    </message>
    <message>
        <source>方案修订 {count} 条</source>
        <translation>{count} plan changes</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>InstructionDialog</name>
    <message>
        <source>记录领导批示</source>
        <translation>Record a leader&apos;s instruction</translation>
    </message>
    <message>
        <source>任务 {number}：{text}</source>
        <translation>Task {number}: {text}</translation>
    </message>
    <message>
        <source>批示内容</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <source>批示人</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>批示日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>请填写批示内容和批示人。</source>
        <translation>Please fill in the instruction and who gave it.</translation>
    </message>
</context>
<context>
    <name>KeyConfirmDialog</name>
    <message>
        <source>登记发送方的密钥</source>
        <translation>Register the sender&apos;s key</translation>
    </message>
    <message>
        <source>请拿出{sender}交来的《交换文件签名密钥登记卡》（或电话核实），把卡上的密钥指纹逐组输入下框。指纹一致才会登记，之后才能导入该单位的文件。</source>
        <translation>Take the key registration card that {sender} handed in (or confirm by phone) and type the fingerprint on it, group by group, below. The key is registered only if the fingerprints match; after that the unit&apos;s files can be imported.</translation>
    </message>
    <message>
        <source>例如 40C8 09DA BA1B C600 A82B D4A8 86C6 7ED9</source>
        <translation>e.g. 40C8 09DA BA1B C600 A82B D4A8 86C6 7ED9</translation>
    </message>
    <message>
        <source>发送方：</source>
        <translation>Sender:</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>登记卡上的指纹：</source>
        <translation>Fingerprint on the card:</translation>
    </message>
    <message>
        <source>指纹应为 32 位十六进制字符（8 组，每组 4 位），请对照登记卡输入。</source>
        <translation>A fingerprint has 32 hexadecimal characters (8 groups of 4); type it from the registration card.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>督办 — 重点任务分工方案</source>
        <extracomment>工具 → 连接到服务器… chose other data: a ``ServerAddress`` or a file ``Path``. The dashboard was just built (its tab opened, or ``dashboard`` asked for): wire it up.</extracomment>
        <translation>Duban — key-task division plans</translation>
    </message>
    <message>
        <source>正在打开数据库…</source>
        <extracomment>The file&apos;s 临期 window, read with the plans shown before the store is open. Last row the clerk selected; a filter may hide it, clearing the filter brings it back.</extracomment>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>按方案</source>
        <translation>By plan</translation>
    </message>
    <message>
        <source>按单位</source>
        <translation>By unit</translation>
    </message>
    <message>
        <source>督办看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>本单位待办</source>
        <translation>Our to-do</translation>
    </message>
    <message>
        <source>已更新 {time}</source>
        <extracomment>Pixels of the plan title in the status bar (titles run to 60 characters). The window&apos;s size where the screen has room for it (a 1920×1080 monitor). What a window manager adds around the window (title bar, borders), allowed for before the window is shown and its real frame is known. Narrower than this, the detail pane is given its share back when it reappears.</extracomment>
        <translation>Updated {time}</translation>
    </message>
    <message>
        <source>其他电脑刚录入或修改的数据已自动显示</source>
        <translation>Entries just made or changed on other PCs are now shown</translation>
    </message>
    <message>
        <source>方案：{title}</source>
        <translation>Plan: {title}</translation>
    </message>
    <message>
        <source>显示任务：{shown}/{total}</source>
        <translation>Tasks shown: {shown}/{total}</translation>
    </message>
    <message>
        <source>未设置</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>{unit}（即{home}）</source>
        <translation>{unit} (counted as {home})</translation>
    </message>
    <message>
        <source>本机：{office}</source>
        <translation>This PC: {office}</translation>
    </message>
    <message>
        <source>数据：服务器 {name}</source>
        <translation>Data: server {name}</translation>
    </message>
    <message>
        <source>数据保存在办公室的数据库服务器上，多台电脑共用：{url}</source>
        <translation>The data is kept on the office&apos;s database server, shared by several PCs: {url}</translation>
    </message>
    <message>
        <source>数据：本机 {name}</source>
        <translation>Data: this PC {name}</translation>
    </message>
    <message>
        <source>数据保存在本机文件中：{path}</source>
        <translation>The data is kept in a file on this PC: {path}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>放弃填写？</source>
        <translation>Discard the entry?</translation>
    </message>
    <message>
        <source>填写的内容尚未保存。确定要关闭并放弃这些内容吗？</source>
        <translation>What you typed has not been saved. Close and discard it?</translation>
    </message>
    <message>
        <source>选择分工方案文件</source>
        <translation>Choose a plan file</translation>
    </message>
    <message>
        <source>分工方案 (*.docx *.pdf *.xlsx *.txt *.md);;Word 文档 (*.docx);;PDF 文件 (*.pdf);;Excel 表格 (*.xlsx);;文本文件 (*.txt *.md);;所有文件 (*)</source>
        <translation>Plans (*.docx *.pdf *.xlsx *.txt *.md);;Word documents (*.docx);;PDF files (*.pdf);;Excel workbooks (*.xlsx);;Text files (*.txt *.md);;All files (*)</translation>
    </message>
    <message>
        <source>选择保存交换文件的文件夹（U 盘）</source>
        <translation>Choose the folder for the exchange file (USB stick)</translation>
    </message>
    <message>
        <source>选择要导入的交换文件</source>
        <translation>Choose exchange files to import</translation>
    </message>
    <message>
        <source>督办交换文件 (*.duban);;所有文件 (*)</source>
        <translation>Duban exchange files (*.duban);;All files (*)</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>选择保存各单位责任清单的文件夹</source>
        <translation>Choose the folder for the units&apos; responsibility lists</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>本机设置</source>
        <translation>This PC</translation>
    </message>
    <message>
        <source>请选择这台电脑所属的单位。本机填报的进展将以该单位的名义保存；协调办公室可以汇总各单位的进展，也可以代各单位填报。</source>
        <translation>Choose the unit this PC belongs to. Progress reported here is saved in that unit&apos;s name. The coordinating office sees every unit&apos;s progress and may report on a unit&apos;s behalf.</translation>
    </message>
    <message>
        <source>本机属于以下单位：</source>
        <translation>This PC belongs to the unit:</translation>
    </message>
    <message>
        <source>请选择单位</source>
        <translation>Choose a unit</translation>
    </message>
    <message>
        <source>本机是协调办公室（领导小组办公室）</source>
        <translation>This PC is the coordinating office (leading group office)</translation>
    </message>
    <message>
        <source>例如：办公室张三的电脑</source>
        <translation>e.g. Zhang San&apos;s PC, general office</translation>
    </message>
    <message>
        <source>区分同一单位的几台电脑；印在密钥登记卡上，随交换文件发出。</source>
        <translation>Tells apart the PCs of one unit; printed on the key registration card and sent with exchange files.</translation>
    </message>
    <message>
        <source>本机名称：</source>
        <translation>PC name:</translation>
    </message>
    <message>
        <source>请选择本机所属的单位，或选择协调办公室。</source>
        <translation>Choose this PC&apos;s unit, or the coordinating office.</translation>
    </message>
    <message>
        <source>请填写本机名称。</source>
        <translation>Enter a name for this PC.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>打印预览 — {title}</source>
        <extracomment>Pages are rendered at the printer&apos;s resolution, but at most this: 300 dpi is print quality for 五号 text, and an A4 page at 1200 dpi would be a 550 MB image. A copy was written (另存为). Pages sent to a printer.</extracomment>
        <translation>Print preview — {title}</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>另存为(&amp;S)…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <source>另存为 Word(&amp;W)…</source>
        <translation>Save as &amp;Word…</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>第 {page} 页，共 {count} 页&#x3000;{zoom}%</source>
        <translation>Page {page} of {count}   {zoom}%</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>无法写入 {path}：{reason}</source>
        <translation>Cannot write {path}: {reason}</translation>
    </message>
    <message>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>未能打印</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <source>无法打开打印机。</source>
        <translation>The printer cannot be opened.</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已发送打印：{count} 页</source>
        <translation>Sent to the printer: {count} pages</translation>
    </message>
</context>
<context>
    <name>PlanChanges</name>
    <message>
        <source>、</source>
        <extracomment>How much of a task&apos;s text the log quotes.</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>整个方案：清除完成时限</source>
        <translation>Whole plan: deadline cleared</translation>
    </message>
    <message>
        <source>清除完成时限（按方案时限）</source>
        <translation>Deadline cleared (the plan&apos;s deadline applies)</translation>
    </message>
    <message>
        <source>整个方案：{deadline}</source>
        <translation>Whole plan: {deadline}</translation>
    </message>
    <message>
        <source>内容改为：{text}</source>
        <translation>Text now: {text}</translation>
    </message>
    <message>
        <source>责任单位：{units}</source>
        <translation>Units: {units}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>任务 {number}：{text}；{units}</source>
        <translation>Task {number}: {text}; {units}</translation>
    </message>
    <message>
        <source>办结销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>恢复办理</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>并入上一项任务（记录保留）</source>
        <translation>Joined into the task above (kept in the record)</translation>
    </message>
    <message>
        <source>这一行不是任务，移出方案（记录保留）</source>
        <translation>This line is not a task: taken out of the plan (kept in the record)</translation>
    </message>
    <message>
        <source>方案名称改为：{title}</source>
        <translation>Plan renamed to: {title}</translation>
    </message>
    <message>
        <source>移除方案（数据保留）</source>
        <translation>Plan removed (its data kept)</translation>
    </message>
    <message>
        <source>恢复方案</source>
        <translation>Plan restored</translation>
    </message>
    <message>
        <source>（本版本无法读取这项修订的内容）</source>
        <translation>(this version of Duban cannot read this change)</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>When</translation>
    </message>
    <message>
        <source>修订人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>修订内容</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>本机（{name}）</source>
        <translation>This PC ({name})</translation>
    </message>
    <message>
        <source>协调办公室（{id}）</source>
        <translation>Coordinating office ({id})</translation>
    </message>
    <message>
        <source>整个方案</source>
        <translation>Whole plan</translation>
    </message>
</context>
<context>
    <name>PlanChangesDialog</name>
    <message>
        <source>计划修订记录</source>
        <translation>Plan Change Log</translation>
    </message>
    <message>
        <source>只看任务 {number} 的修订</source>
        <translation>Only changes to task {number}</translation>
    </message>
    <message>
        <source>{title}：共 {count} 条修订，按生效顺序排列。修订只能由协调办公室作出。</source>
        <translation>{title}: {count} changes, in the order they apply. Only the coordinating office changes a plan.</translation>
    </message>
</context>
<context>
    <name>PlanImportDialog</name>
    <message>
        <source>导入方案</source>
        <translation>Import plan</translation>
    </message>
    <message>
        <source>请选择分工方案文件（Word、PDF、Excel 或文本）</source>
        <translation>Choose a plan file (Word, PDF, Excel or text)</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>修改分工…</source>
        <translation>Edit units…</translation>
    </message>
    <message>
        <source>不是任务</source>
        <translation>Not a task</translation>
    </message>
    <message>
        <source>拆分…</source>
        <translation>Split…</translation>
    </message>
    <message>
        <source>把一项任务拆成两项，各自确定分工</source>
        <translation>Split one task into two, each with its own units</translation>
    </message>
    <message>
        <source>与下一项合并</source>
        <translation>Join with next</translation>
    </message>
    <message>
        <source>内容相连，单位合在一起，完成时限取较早的；下一项保留在列表中并划去</source>
        <translation>Texts joined, units united, the earlier deadline kept; the next task stays listed, struck through</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>撤销上一次更正</source>
        <translation>Undo the last correction</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>发文机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>请先选择一个可以读取的方案文件。</source>
        <translation>Choose a plan file that can be read first.</translation>
    </message>
    <message>
        <source>文件中没有找到任务。</source>
        <translation>No tasks were found in the file.</translation>
    </message>
    <message>
        <source>导入方案时核对原文更正</source>
        <translation>Corrected against the document at import</translation>
    </message>
    <message>
        <source>这项任务还没有分工单位：请先“修改分工”补全，再拆分。</source>
        <translation>This task has no units yet: complete them with “Edit units” first, then split it.</translation>
    </message>
    <message>
        <source>恢复为任务</source>
        <translation>Make it a task again</translation>
    </message>
    <message>
        <source>还有 {count} 项任务的分工单位没有识别出来。导入后这些任务标记为“待补充”，可以稍后在“修改任务”中补全。仍要导入吗？</source>
        <translation>The units of {count} task(s) could not be read. After import they are marked “to complete” and can be completed later under Edit task. Import anyway?</translation>
    </message>
    <message>
        <source>已读取。请核对下面的内容，确认无误后点击“导入”。</source>
        <translation>Read. Check the contents below, then click “Import”.</translation>
    </message>
    <message>
        <source>无法打开文件：{reason}</source>
        <translation>Cannot open the file: {reason}</translation>
    </message>
    <message>
        <source>读取失败：{reason}</source>
        <translation>Reading failed: {reason}</translation>
    </message>
    <message>
        <source>只有协调办公室可以更正分工；本机导入后，以协调办公室下发的修订为准。</source>
        <translation>Only the coordinating office can correct units; on this PC the corrections it sends out apply after import.</translation>
    </message>
    <message>
        <source>（未识别出标题）</source>
        <translation>(no title found)</translation>
    </message>
    <message>
        <source>{sections} 个部分，{subsections} 个方面，{tasks} 项任务，{units} 个单位</source>
        <translation>{sections} sections, {subsections} subsections, {tasks} tasks, {units} units</translation>
    </message>
    <message>
        <source>；{count} 项待补充</source>
        <translation>; {count} to complete</translation>
    </message>
    <message>
        <source>第 {line} 行：没有分工单位，未作为任务导入：{text}</source>
        <translation>Line {line}: no units assigned, not imported as a task: {text}</translation>
    </message>
    <message>
        <source>读出的任务（双击一行可修改分工）</source>
        <translation>Tasks read (double-click a row to edit its units)</translation>
    </message>
    <message>
        <source>需要核对的行</source>
        <translation>Lines to check</translation>
    </message>
    <message>
        <source>没有无法识别的行。</source>
        <translation>Every line was read.</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>分工单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>已并入上一项</source>
        <translation>Joined into the task above</translation>
    </message>
    <message>
        <source>不是任务，不导入</source>
        <translation>Not a task, not imported</translation>
    </message>
    <message>
        <source>拆分出的新任务</source>
        <translation>New task split off</translation>
    </message>
    <message>
        <source>已补全分工</source>
        <translation>Units completed</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <source>【已办结】</source>
        <extracomment>The invalid index that stands for the hidden root (a shared default argument). The task&apos;s status light as of today (task rows only).</extracomment>
        <translation>[Closed] </translation>
    </message>
    <message>
        <source>【待补充】</source>
        <translation>[to complete] </translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>任务数</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已完成 {done}/{total}</source>
        <translation>Done {done}/{total}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>PrintCommands</name>
    <message>
        <source>通报…</source>
        <extracomment>The day lights and figures are counted on (the dashboard&apos;s); today when None. The document&apos;s own (Chinese) title, e.g. 督办单（第 25 项）. Suggested name for 另存为. A generated sheet is shown (the preview window). Files written by 每单位一个文件. Generation failed; the clerk has been told (the text said). A Word copy (另存为 Word) or the Excel 台账 was written, and the clerk told.</extracomment>
        <translation>Bulletin…</translation>
    </message>
    <message>
        <source>催办单…</source>
        <translation>Reminder…</translation>
    </message>
    <message>
        <source>台账…</source>
        <translation>Ledger…</translation>
    </message>
    <message>
        <source>请选择单位</source>
        <translation>Choose a unit</translation>
    </message>
    <message>
        <source>请先在“按单位”页选择一个单位。</source>
        <translation>Please choose a unit on the “By unit” tab first.</translation>
    </message>
    <message>
        <source>请选择任务</source>
        <translation>Choose a task</translation>
    </message>
    <message>
        <source>请先在左侧选择一项任务。</source>
        <translation>Please choose a task on the left first.</translation>
    </message>
    <message>
        <source>正在生成各单位任务分工责任清单…</source>
        <translation>Making every unit&apos;s responsibility list…</translation>
    </message>
    <message>
        <source>正在导出台账…</source>
        <translation>Exporting the ledger…</translation>
    </message>
    <message>
        <source>正在生成 Word 文档…</source>
        <translation>Making the Word document…</translation>
    </message>
    <message>
        <source>正在生成{sheet}…</source>
        <translation>Making the {sheet}…</translation>
    </message>
    <message>
        <source>督办单</source>
        <translation>supervision sheet</translation>
    </message>
    <message>
        <source>任务分工责任清单</source>
        <translation>responsibility list</translation>
    </message>
    <message>
        <source>催办单</source>
        <translation>reminder slip</translation>
    </message>
    <message>
        <source>重点任务分工表</source>
        <translation>task division table</translation>
    </message>
    <message>
        <source>进展情况汇总表</source>
        <translation>progress summary</translation>
    </message>
    <message>
        <source>各单位任务分工责任清单</source>
        <translation>responsibility lists of every unit</translation>
    </message>
    <message>
        <source>进展情况通报</source>
        <translation>Progress bulletin</translation>
    </message>
    <message>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>已生成 {count} 个单位的任务分工责任清单，保存在：{folder}</source>
        <translation>Responsibility lists of {count} units saved in: {folder}</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>未能生成文件：{reason}</source>
        <translation>Could not make the file: {reason}</translation>
    </message>
    <message>
        <source>生成文件时出错：{reason}</source>
        <translation>Error while making the file: {reason}</translation>
    </message>
    <message>
        <source>未能生成</source>
        <translation>Not made</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>填报进展</source>
        <translation>Report progress</translation>
    </message>
    <message>
        <source>任务 {number}：{text}</source>
        <translation>Task {number}: {text}</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>完成百分比</source>
        <translation>Percent done</translation>
    </message>
    <message>
        <source>填报日期</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>工作进展</source>
        <translation>Work done</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>下一步计划</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>填报人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>修改原因</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <source>必填：为什么修改</source>
        <translation>Required: why it is changed</translation>
    </message>
    <message>
        <source>完成百分比低于上次时必填</source>
        <translation>Required when the percentage is lower than last time</translation>
    </message>
    <message>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>修改进展</source>
        <translation>Revise progress</translation>
    </message>
    <message>
        <source>保存后将生成一条新的修订记录，原记录保留不变。</source>
        <translation>Saving adds a new revision; the earlier report is kept unchanged.</translation>
    </message>
    <message>
        <source>协调办公室已退回本单位的进展，请修改后重新报送。退回原因：{reason}</source>
        <translation>The coordinating office returned this unit&apos;s report; please revise and report again. Reason: {reason}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Files of type:</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>审核进展</source>
        <translation>Review reports</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>报送日期</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>工作进展</source>
        <translation>Work done</translation>
    </message>
    <message>
        <source>审核结论</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>退回原因</source>
        <translation>Reason for return</translation>
    </message>
    <message>
        <source>（未处理）</source>
        <translation>(undecided)</translation>
    </message>
    <message>
        <source>退回修改时必填，对所选各行适用</source>
        <translation>Required to return; applies to the selected rows</translation>
    </message>
    <message>
        <source>通过(&amp;A)</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>退回修改(&amp;R)</source>
        <translation>&amp;Return for revision</translation>
    </message>
    <message>
        <source>撤销结论(&amp;U)</source>
        <translation>&amp;Undo decision</translation>
    </message>
    <message>
        <source>共 {count} 份进展待审核。用方向键和 Shift 选择，在表中按 A 通过、R 退回修改（先填写退回原因），U 撤销；未处理的保持待审核。</source>
        <translation>{count} reports await review. Select with the arrow keys and Shift; in the table press A to accept, R to return (type the reason first), U to undo; undecided rows stay awaiting review.</translation>
    </message>
    <message>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>退回修改须写明原因：请先填写退回原因。</source>
        <translation>A return needs its reason: type the reason first.</translation>
    </message>
    <message>
        <source>还没有审核任何一份进展：请选择行后按“通过”或“退回修改”。</source>
        <translation>Nothing decided yet: select rows, then Accept or Return.</translation>
    </message>
</context>
<context>
    <name>RoundsDialog</name>
    <message>
        <source>设置报送节点</source>
        <extracomment>How many upcoming rounds the dialog lists, so the clerk sees what the rule means.</extracomment>
        <translation>Set Report Rounds</translation>
    </message>
    <message>
        <source>每月</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source> 日</source>
        <translation> of the month</translation>
    </message>
    <message>
        <source>（小月按月末计）</source>
        <translation>(the last day in shorter months)</translation>
    </message>
    <message>
        <source>每季度末（3、6、9、12 月最后一天）</source>
        <translation>Quarterly (last day of March, June, September, December)</translation>
    </message>
    <message>
        <source>指定日期</source>
        <translation>Chosen dates</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>起算日期</source>
        <translation>Starting</translation>
    </message>
    <message>
        <source>修改原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>各责任单位须在每个报送节点前报送一次进展，过期未报即为“未报送”。</source>
        <translation>Every responsible unit reports its progress once before each report round; a unit that has not reported when the round has passed is “Not reported”.</translation>
    </message>
    <message>
        <source>请至少添加一个报送日期。</source>
        <translation>Add at least one report date.</translation>
    </message>
    <message>
        <source>报送节点没有变化。</source>
        <translation>The report rounds have not changed.</translation>
    </message>
    <message>
        <source>接下来的报送节点：{dates}</source>
        <translation>Next report rounds: {dates}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>SaveDialogs</name>
    <message>
        <source>另存为 Word 文档</source>
        <translation>Save as Word document</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>导出 Excel 台账</source>
        <translation>Export Excel ledger</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>已保存文件：{name}
位置：{folder}</source>
        <translation>Saved file: {name}
Folder: {folder}</translation>
    </message>
</context>
<context>
    <name>SplitTaskDialog</name>
    <message>
        <source>拆分任务</source>
        <translation>Split task</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>第一项中的职责</source>
        <translation>Role in part 1</translation>
    </message>
    <message>
        <source>第二项中的职责</source>
        <translation>Role in part 2</translation>
    </message>
    <message>
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>把光标放在第二项开始的位置（已放在居中的句末）：</source>
        <translation>Put the cursor where the second task begins (it starts at the sentence end nearest the middle):</translation>
    </message>
    <message>
        <source>两项各自的分工（不承担：这一项不列该单位）：</source>
        <translation>Units of each part (None: the unit is not listed for that part):</translation>
    </message>
    <message>
        <source>拆分的位置不能在开头或末尾：两项都要有内容。</source>
        <translation>The split cannot be at the start or the end: both parts need text.</translation>
    </message>
    <message>
        <source>每一项至少要有一个承担的单位。</source>
        <translation>Each part needs at least one unit.</translation>
    </message>
    <message>
        <source>不承担</source>
        <translation>None</translation>
    </message>
    <message>
        <source>第一项：{text}</source>
        <translation>Part 1: {text}</translation>
    </message>
    <message>
        <source>第二项：{text}</source>
        <translation>Part 2: {text}</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <source>例如：根据领导小组第三次会议要求</source>
        <extracomment>The store keeps 2,000 characters of a reason; longer is refused here, not cut silently.</extracomment>
        <translation>e.g. as decided at the leading group&apos;s third meeting</translation>
    </message>
    <message>
        <source>请填写修改原因，以便留痕。</source>
        <translation>Give a reason for the change; it is kept on record.</translation>
    </message>
    <message>
        <source>修改原因过长，请精简到 2000 字以内。</source>
        <translation>The reason is too long; keep it under 2,000 characters.</translation>
    </message>
</context>
<context>
    <name>SupervisionCommands</name>
    <message>
        <source>请先在方案中选择一项任务。</source>
        <extracomment>The left tabs of the main window (its own constants, repeated to avoid an import cycle).</extracomment>
        <translation>Select a task in the plan first.</translation>
    </message>
    <message>
        <source>只有协调办公室可以修改完成时限、报送节点和任务（本机只能查看）。</source>
        <translation>Only the coordinating office may change deadlines, report rounds and tasks (this PC can only view them).</translation>
    </message>
    <message>
        <source>不能修改</source>
        <translation>Cannot Change</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Not Saved</translation>
    </message>
    <message>
        <source>已设置完成时限：{deadline}</source>
        <translation>Deadline set: {deadline}</translation>
    </message>
    <message>
        <source>已设置报送节点：{rounds}</source>
        <translation>Report rounds set: {rounds}</translation>
    </message>
    <message>
        <source>临期提醒改为提前 {days} 天。</source>
        <translation>Tasks now turn “Due soon” {days} days ahead.</translation>
    </message>
    <message>
        <source>已修改任务 {number}。</source>
        <translation>Task {number} changed.</translation>
    </message>
    <message>
        <source>已新增任务 {number}。</source>
        <translation>Task {number} added.</translation>
    </message>
    <message>
        <source>任务 {number} 已办结销号。</source>
        <translation>Task {number} closed.</translation>
    </message>
    <message>
        <source>任务 {number} 已恢复办理。</source>
        <translation>Task {number} reopened.</translation>
    </message>
    <message>
        <source>审核进展</source>
        <translation>Review reports</translation>
    </message>
    <message>
        <source>没有待审核的进展。</source>
        <translation>No reports await review.</translation>
    </message>
    <message>
        <source>已审核 {count} 份进展。</source>
        <translation>{count} reports reviewed.</translation>
    </message>
    <message>
        <source>领导批示已记录。</source>
        <translation>Instruction recorded.</translation>
    </message>
</context>
<context>
    <name>TaskEditDialog</name>
    <message>
        <source>新增任务</source>
        <extracomment>(unit name, role, the wording as written) — what ``Store.edit_task``/``add_task`` take.</extracomment>
        <translation>Add Task</translation>
    </message>
    <message>
        <source>修改任务</source>
        <translation>Edit Task</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>添加单位</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>所属部分</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>所属方面</source>
        <translation>Subsection</translation>
    </message>
    <message>
        <source>任务序号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>任务内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>修改原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>任务序号 {number} 已被使用，请换一个。</source>
        <translation>Task number {number} is taken; choose another.</translation>
    </message>
    <message>
        <source>任务内容和责任单位都没有修改。</source>
        <translation>Neither the text nor the units have changed.</translation>
    </message>
    <message>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>请填写单位名称。</source>
        <translation>Enter the unit&apos;s name.</translation>
    </message>
    <message>
        <source>该单位已在列表中：{name}</source>
        <translation>This unit is already listed: {name}</translation>
    </message>
    <message>
        <source>（不属于任何方面）</source>
        <translation>(no subsection)</translation>
    </message>
</context>
<context>
    <name>TaskFilterBanner</name>
    <message>
        <source>显示全部任务</source>
        <translation>Show all tasks</translation>
    </message>
    <message>
        <source>看板筛选&#x3000;{what}（{count} 项任务）</source>
        <translation>Dashboard filter   {what} (tasks: {count})</translation>
    </message>
</context>
<context>
    <name>TodoView</name>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>本机不是某个单位的电脑：没有本单位待办。</source>
        <translation>This PC does not serve a unit: there is no unit to-do list.</translation>
    </message>
    <message>
        <source>下一报送节点：{day}</source>
        <translation>Next report round: {day}</translation>
    </message>
    <message>
        <source>尚未设置报送节点</source>
        <translation>No report rounds set yet</translation>
    </message>
    <message>
        <source>{unit}：{count} 项任务需要处理。{round}</source>
        <translation>{unit}: {count} tasks need attention. {round}</translation>
    </message>
    <message>
        <source>{unit}：暂无逾期、临期、未报送或被退回的任务。{round}</source>
        <translation>{unit}: no overdue, due-soon, unreported or returned tasks. {round}</translation>
    </message>
    <message>
        <source>退回原因：{reason}</source>
        <translation>Returned because: {reason}</translation>
    </message>
    <message>
        <source>完成时限：{d}</source>
        <translation>Deadline: {d}</translation>
    </message>
    <message>
        <source>批示（{leader}）：{text}</source>
        <translation>Instruction ({leader}): {text}</translation>
    </message>
    <message>
        <source>被退回修改</source>
        <translation>Returned for revision</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>未报送</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>临期</source>
        <translation>Due soon</translation>
    </message>
</context>
<context>
    <name>UnitBars</name>
    <message>
        <source>、</source>
        <extracomment>(unit id, light value) of the clicked segment; light &quot;&quot; when the name was clicked.</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <source>{unit}：{parts}（共 {total} 项）</source>
        <translation>{unit}: {parts} ({total} tasks)</translation>
    </message>
</context>
<context>
    <name>UnitDirectoryDialog</name>
    <message>
        <source>撤销：{name} 重新作为独立单位</source>
        <translation>Undone: {name} is a unit of its own again</translation>
    </message>
    <message>
        <source>认定：{name} 即 {same_as}</source>
        <translation>Declared: {name} is {same_as}</translation>
    </message>
    <message>
        <source>单位名录</source>
        <translation>Unit directory</translation>
    </message>
    <message>
        <source>各方案对同一单位的写法可能不同（如“省发改委”“省发展改革委”）。勾选同一单位的各个名称，选定统一名称并写明原因后认定；认定和撤销都留痕，随方案修订下发各单位，已报送的进展一律保留。</source>
        <translation>Plans may write one unit differently (e.g. “省发改委” and “省发展改革委”). Tick the names of one unit, choose the name to count them under, give a reason and declare them one unit. Declarations and undos are recorded, travel to the units with the plan changes, and no report is ever lost.</translation>
    </message>
    <message>
        <source>单位名录由协调办公室维护，随方案修订下发；本机只能查看。同一单位的各个名称按统一名称汇总任务和进展。</source>
        <translation>The unit directory is kept by the coordinating office and arrives with its plan changes; this PC can only view it. The names of one unit count their tasks and reports under one name.</translation>
    </message>
    <message>
        <source>查找单位名称（如：省发）</source>
        <translation>Find a unit name (e.g. 省发)</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>统一名称</source>
        <translation>Counted as</translation>
    </message>
    <message>
        <source>任务数</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>所在方案</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>可能是同一单位（仅供参考，点击一组即勾选，须人工认定）：</source>
        <translation>Possibly one unit (suggestions only; click a group to tick it, then declare it yourself):</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>What</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>先在表中勾选同一单位的各个名称</source>
        <translation>First tick the names of one unit in the table</translation>
    </message>
    <message>
        <source>必填：为什么认定或撤销（留痕）</source>
        <translation>Required: why they are (or are no longer) one unit (recorded)</translation>
    </message>
    <message>
        <source>认定为同一单位</source>
        <translation>Declare one unit</translation>
    </message>
    <message>
        <source>撤销所选别名</source>
        <translation>Undo selected alias</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>认定记录</source>
        <translation>Declarations</translation>
    </message>
    <message>
        <source>按“{name}”汇总</source>
        <translation>Counted under “{name}”</translation>
    </message>
    <message>
        <source>认定记录（{n}）</source>
        <translation>Declarations ({n})</translation>
    </message>
    <message>
        <source>请至少勾选两个名称。</source>
        <translation>Tick at least two names.</translation>
    </message>
    <message>
        <source>请写明认定的原因（留痕）。</source>
        <translation>Give the reason for the declaration (it is recorded).</translation>
    </message>
    <message>
        <source>请先在表中选中一个已认定的别名。</source>
        <translation>First select a declared alias in the table.</translation>
    </message>
    <message>
        <source>请写明撤销的原因（留痕）。</source>
        <translation>Give the reason for the undo (it is recorded).</translation>
    </message>
</context>
<context>
    <name>UnitView</name>
    <message>
        <source>查找单位…</source>
        <translation>Find unit…</translation>
    </message>
    <message>
        <source>我的单位</source>
        <translation>My unit</translation>
    </message>
    <message>
        <source>{name}（{count} 项）</source>
        <translation>{name} ({count})</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>本单位最新进展</source>
        <translation>Our latest report</translation>
    </message>
    <message>
        <source>请选择一个单位</source>
        <translation>Select a unit</translation>
    </message>
    <message>
        <source>{name}：共 {count} 项任务</source>
        <translation>{name}: {count} tasks</translation>
    </message>
    <message>
        <source>{role}（{count} 项）</source>
        <translation>{role} ({count})</translation>
    </message>
</context>
<context>
    <name>WarningDaysDialog</name>
    <message>
        <source>临期提醒天数</source>
        <translation>Due-Soon Warning</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>完成时限或报送节点在这么多天之内到来时，任务显示为“临期”。只影响本机的显示。</source>
        <translation>A task shows as “Due soon” when its deadline or a report round is this many days away or fewer. This affects only this PC.</translation>
    </message>
    <message>
        <source>提前提醒</source>
        <translation>Warn ahead by</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>导入方案(&amp;I)…</source>
        <extracomment>Each language is named in itself, so a clerk can find theirs whatever is showing.</extracomment>
        <translation>&amp;Import plan…</translation>
    </message>
    <message>
        <source>重新载入(&amp;R)</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>导出交换文件(&amp;E)…</source>
        <translation>&amp;Export exchange file…</translation>
    </message>
    <message>
        <source>导入交换文件(&amp;M)…</source>
        <translation>I&amp;mport exchange files…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>督办单（所选任务）(&amp;D)…</source>
        <translation>&amp;Supervision sheet (selected task)…</translation>
    </message>
    <message>
        <source>任务分工责任清单（所选单位）(&amp;U)…</source>
        <translation>Responsibility list (selected &amp;unit)…</translation>
    </message>
    <message>
        <source>催办单（所选单位）(&amp;C)…</source>
        <translation>Reminder slip (selected unit)…</translation>
    </message>
    <message>
        <source>重点任务分工表(&amp;T)…</source>
        <translation>Task division &amp;table…</translation>
    </message>
    <message>
        <source>进展情况汇总表(&amp;S)…</source>
        <translation>Progress su&amp;mmary…</translation>
    </message>
    <message>
        <source>进展情况通报(&amp;B)…</source>
        <translation>Progress &amp;bulletin…</translation>
    </message>
    <message>
        <source>导出台账(&amp;L)…</source>
        <translation>Export &amp;ledger…</translation>
    </message>
    <message>
        <source>各单位责任清单：合并为一个文件(&amp;A)…</source>
        <translation>&amp;All units&apos; responsibility lists in one file…</translation>
    </message>
    <message>
        <source>各单位责任清单：每单位保存一个文件(&amp;F)…</source>
        <translation>All units&apos; responsibility lists, one &amp;file each…</translation>
    </message>
    <message>
        <source>填报进展(&amp;P)…</source>
        <translation>Report &amp;progress…</translation>
    </message>
    <message>
        <source>修改所选进展记录(&amp;E)…</source>
        <translation>R&amp;evise selected report…</translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>清除筛选(&amp;C)</source>
        <translation>&amp;Clear filter</translation>
    </message>
    <message>
        <source>按方案浏览(&amp;T)</source>
        <translation>Browse by &amp;plan</translation>
    </message>
    <message>
        <source>按单位浏览(&amp;U)</source>
        <translation>Browse by &amp;unit</translation>
    </message>
    <message>
        <source>我的单位(&amp;M)</source>
        <translation>&amp;My unit</translation>
    </message>
    <message>
        <source>督办看板(&amp;B)</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>详情窗格(&amp;D)</source>
        <translation>&amp;Detail pane</translation>
    </message>
    <message>
        <source>全部展开(&amp;A)</source>
        <translation>Expand &amp;all</translation>
    </message>
    <message>
        <source>全部折叠(&amp;L)</source>
        <translation>Co&amp;llapse all</translation>
    </message>
    <message>
        <source>设置完成时限(&amp;D)…</source>
        <translation>Set &amp;deadline…</translation>
    </message>
    <message>
        <source>设置报送节点(&amp;R)…</source>
        <translation>Set report &amp;rounds…</translation>
    </message>
    <message>
        <source>修改任务(&amp;E)…</source>
        <translation>&amp;Edit task…</translation>
    </message>
    <message>
        <source>新增任务(&amp;N)…</source>
        <translation>Add &amp;new task…</translation>
    </message>
    <message>
        <source>办结销号(&amp;C)…</source>
        <translation>&amp;Close task…</translation>
    </message>
    <message>
        <source>恢复办理(&amp;O)…</source>
        <translation>Re&amp;open task…</translation>
    </message>
    <message>
        <source>计划修订记录(&amp;L)…</source>
        <translation>Plan change &amp;log…</translation>
    </message>
    <message>
        <source>审核进展(&amp;V)…</source>
        <translation>Re&amp;view reports…</translation>
    </message>
    <message>
        <source>记录领导批示(&amp;I)…</source>
        <translation>Record &amp;instruction…</translation>
    </message>
    <message>
        <source>单位名录(&amp;U)…</source>
        <translation>&amp;Unit directory…</translation>
    </message>
    <message>
        <source>本机设置(&amp;O)…</source>
        <translation>This &amp;PC…</translation>
    </message>
    <message>
        <source>临期提醒天数(&amp;W)…</source>
        <translation>Due-soon &amp;warning…</translation>
    </message>
    <message>
        <source>导入日志(&amp;L)</source>
        <translation>Import &amp;log</translation>
    </message>
    <message>
        <source>本机密钥与登记卡(&amp;K)…</source>
        <translation>This PC&apos;s &amp;key and registration card…</translation>
    </message>
    <message>
        <source>恢复备份(&amp;B)…</source>
        <translation>Restore a &amp;Backup…</translation>
    </message>
    <message>
        <source>连接到服务器(&amp;S)…</source>
        <translation>Connect to &amp;server…</translation>
    </message>
    <message>
        <source>关于督办(&amp;A)</source>
        <translation>&amp;About Duban</translation>
    </message>
    <message>
        <source>关于 Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>打印与预览(&amp;P)</source>
        <translation>&amp;Print and preview</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>界面语言(&amp;G)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>督办(&amp;S)</source>
        <translation>&amp;Supervision</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>未报送</source>
        <extracomment>Colour of the status mark; ``None`` is &quot;nothing reported yet&quot; (未报送).</extracomment>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>推进中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已完成</source>
        <extracomment>Colour of each status light (督办): the same in the tree, the detail pane and the dashboard. Every place that shows a colour also shows the light&apos;s name, so print and greyscale read. Textures over the colours of the two lights that need chasing: printed in grey, 未报送&apos;s orange would match 正常&apos;s blue and 逾期&apos;s red 已完成&apos;s green; the hatches tell them apart.</extracomment>
        <translation>Done</translation>
    </message>
    <message>
        <source>受阻</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>尚无报送</source>
        <translation>Nothing reported yet</translation>
    </message>
    <message>
        <source> · 已退回修改</source>
        <translation> · returned for revision</translation>
    </message>
    <message>
        <source> · 审核通过</source>
        <translation> · accepted</translation>
    </message>
    <message>
        <source> · 待审核</source>
        <translation> · awaiting review</translation>
    </message>
    <message>
        <source>任务内容</source>
        <translation>Task text</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>进展（{owner}）</source>
        <translation>Report ({owner})</translation>
    </message>
    <message>
        <source>批示（{owner}）</source>
        <translation>Instruction ({owner})</translation>
    </message>
    <message>
        <source>审核意见（{owner}）</source>
        <translation>Review ({owner})</translation>
    </message>
    <message>
        <source>{place}：{snippet}</source>
        <translation>{place}: {snippet}</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>On track</translation>
    </message>
    <message>
        <source>临期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>待审核</source>
        <translation>Awaiting review</translation>
    </message>
    <message>
        <source>已办结（销号）</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>各责任单位均已报告完成</source>
        <translation>every responsible unit has reported it done</translation>
    </message>
    <message>
        <source>按计划推进</source>
        <translation>proceeding as planned</translation>
    </message>
    <message>
        <source>完成时限或报送节点临近</source>
        <translation>the deadline or a report round is near</translation>
    </message>
    <message>
        <source>上一报送节点已过，有责任单位未报送进展</source>
        <translation>the last report round has passed and a responsible unit has not reported</translation>
    </message>
    <message>
        <source>已过完成时限，尚未完成</source>
        <translation>past the deadline and not done</translation>
    </message>
    <message>
        <source>协调办公室已退回修改，单位尚未重新报送（不计为已报送）</source>
        <translation>Returned by the coordinating office and not reported again yet (does not count as reported)</translation>
    </message>
    <message>
        <source>单位已报送，等待协调办公室审核</source>
        <translation>Reported, awaiting the coordinating office&apos;s review</translation>
    </message>
    <message>
        <source>未设定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>长期坚持</source>
        <translation>long-term</translation>
    </message>
    <message>
        <source>还有 {n} 天</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>due today</translation>
    </message>
    <message>
        <source>已超过 {n} 天</source>
        <translation>{n} days late</translation>
    </message>
    <message>
        <source>每月 {day} 日</source>
        <translation>monthly on day {day}</translation>
    </message>
    <message>
        <source>每季度末</source>
        <translation>at the end of each quarter</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>指定日期：{dates}</source>
        <translation>on {dates}</translation>
    </message>
    <message>
        <source>（自 {date} 起）</source>
        <translation> (from {date})</translation>
    </message>
    <message>
        <source>{light}：{reason}</source>
        <translation>{light}: {reason}</translation>
    </message>
    <message>
        <source>（{days}）</source>
        <translation> ({days})</translation>
    </message>
    <message>
        <source>完成时限：{d}</source>
        <translation>Deadline: {d}</translation>
    </message>
    <message>
        <source>未报送单位：{units}</source>
        <translation>Not reported by: {units}</translation>
    </message>
    <message>
        <source>最新进展：{status} {percent}%（{date}，{unit}）</source>
        <translation>Latest report: {status} {percent}% ({date}, {unit})</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>报送节点</source>
        <translation>Report rounds</translation>
    </message>
    <message>
        <source>修改任务</source>
        <translation>Task edited</translation>
    </message>
    <message>
        <source>新增任务</source>
        <translation>Task added</translation>
    </message>
    <message>
        <source>办结/恢复</source>
        <translation>Closed/reopened</translation>
    </message>
    <message>
        <source>不是任务</source>
        <translation>Not a task</translation>
    </message>
    <message>
        <source>方案更名</source>
        <translation>Plan renamed</translation>
    </message>
    <message>
        <source>移除方案</source>
        <translation>Plan removed</translation>
    </message>
    <message>
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>负责</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>配合</source>
        <translation>Cooperating</translation>
    </message>
    <message>
        <source>协调办公室</source>
        <translation>Coordinating office</translation>
    </message>
    <message>
        <source>完成百分比须在 0 到 100 之间。</source>
        <translation>Percent done must be between 0 and 100.</translation>
    </message>
    <message>
        <source>请填写工作进展。</source>
        <translation>Please fill in the work done.</translation>
    </message>
    <message>
        <source>请填写填报人。</source>
        <translation>Please fill in who reports.</translation>
    </message>
    <message>
        <source>状态为“已完成”时，完成百分比应为 100%。</source>
        <translation>A report marked Done must be at 100%.</translation>
    </message>
    <message>
        <source>完成百分比低于本单位上次报送的数值，请在“说明”中写明原因。</source>
        <translation>The percentage is lower than this unit&apos;s last report; please explain why under Explanation.</translation>
    </message>
    <message>
        <source>修改已报送的进展，请填写修改原因。</source>
        <translation>Please give the reason for changing a report already made.</translation>
    </message>
    <message>
        <source>撤回进展，请填写撤回原因。</source>
        <translation>Please give the reason for withdrawing the report.</translation>
    </message>
    <message>
        <source>该单位在此项任务中没有分工，不能为其填报进展。</source>
        <translation>This unit has no role in the task, so it cannot report progress on it.</translation>
    </message>
    <message>
        <source>填写内容过长，请精简后再保存。</source>
        <translation>The text is too long; shorten it before saving.</translation>
    </message>
    <message>
        <source>填报内容有误（{code}）。</source>
        <translation>The entry has a problem ({code}).</translation>
    </message>
    <message>
        <source>这条进展在您修改期间已被他人修改并保存（{detail}）。您填写的内容未保存，仍保留在对话框中：请对照最新内容后再保存。</source>
        <translation>Someone else changed and saved this report while you were editing it ({detail}). Your text was not saved and is still in the dialog: compare it with the newest version, then save again.</translation>
    </message>
    <message>
        <source>连不上数据库服务器，请检查主机名、端口、网络和服务器是否开机：{detail}</source>
        <translation>Cannot reach the database server; check the host name, port, network and that the server is running: {detail}</translation>
    </message>
    <message>
        <source>数据库服务器拒绝登录，请检查用户名和密码：{detail}</source>
        <translation>The database server refused the login; check the user name and password: {detail}</translation>
    </message>
    <message>
        <source>服务器上没有这个数据库，请信息管理人员先建库：{detail}</source>
        <translation>The server has no such database; ask IT to create it first: {detail}</translation>
    </message>
    <message>
        <source>服务器上的督办数据需要升级结构，未经确认不做改动：{detail}</source>
        <translation>Duban&apos;s data on the server needs a schema upgrade; nothing is changed without confirmation: {detail}</translation>
    </message>
    <message>
        <source>数据库服务器正忙，多次重试仍未完成，请稍后再试（数据未改动）：{detail}</source>
        <translation>The database server is busy and several retries failed; please try again later (nothing was changed): {detail}</translation>
    </message>
    <message>
        <source>升级前用 pg_dump 备份服务器数据库失败，未做升级：{detail}</source>
        <translation>The pg_dump backup before the upgrade failed; the database was not upgraded: {detail}</translation>
    </message>
    <message>
        <source>这台电脑上没有协调办公室的签名密钥文件，不能签名导出（不会另造新密钥，以免各单位拒收）。请信息管理人员把密钥文件复制到：{detail}</source>
        <translation>This PC does not have the coordinating office&apos;s signing key file, so it cannot sign an export (no new key is made, the units would refuse it). Ask IT to copy the key file to: {detail}</translation>
    </message>
    <message>
        <source>数据库地址写法不对：{detail}</source>
        <translation>The database address is not written correctly: {detail}</translation>
    </message>
    <message>
        <source>不支持这种数据库地址：{detail}</source>
        <translation>This kind of database address is not supported: {detail}</translation>
    </message>
    <message>
        <source>数据库地址中有不认识的连接参数：{detail}</source>
        <translation>The database address has an unknown connection option: {detail}</translation>
    </message>
    <message>
        <source>方案中没有这个单位：{detail}</source>
        <translation>No such unit in the plan: {detail}</translation>
    </message>
    <message>
        <source>至少要选两个不同的单位名称，才能认定为同一单位：{detail}</source>
        <translation>Choose at least two different unit names to declare them one unit: {detail}</translation>
    </message>
    <message>
        <source>这个名称目前不是其他单位的别名，无需撤销：{detail}</source>
        <translation>This name is not an alias of another unit; there is nothing to undo: {detail}</translation>
    </message>
    <message>
        <source>方案中没有这项任务：{detail}</source>
        <translation>No such task in the plan: {detail}</translation>
    </message>
    <message>
        <source>没有这个方案：{detail}</source>
        <translation>No such plan: {detail}</translation>
    </message>
    <message>
        <source>这份方案已经导入过了：{detail}</source>
        <translation>This plan has already been imported: {detail}</translation>
    </message>
    <message>
        <source>本机属于{detail}，不能为其他单位填报进展。</source>
        <translation>This PC belongs to {detail} and cannot report progress for another unit.</translation>
    </message>
    <message>
        <source>只有协调办公室可以进行此项操作。</source>
        <translation>Only the coordinating office can do this.</translation>
    </message>
    <message>
        <source>任务内容不能为空。</source>
        <translation>The task text cannot be empty.</translation>
    </message>
    <message>
        <source>请写明原因（留痕）：{detail}</source>
        <translation>Give a reason (it is recorded): {detail}</translation>
    </message>
    <message>
        <source>填写内容过长，请精简后再保存：{detail}</source>
        <translation>The text is too long; shorten it and save again: {detail}</translation>
    </message>
    <message>
        <source>请至少指定一个责任单位。</source>
        <translation>Name at least one responsible unit.</translation>
    </message>
    <message>
        <source>只有协调办公室可以{detail}；本机不是协调办公室。</source>
        <translation>Only the coordinating office may {detail}; this PC is not the coordinating office.</translation>
    </message>
    <message>
        <source>退回修改须写明原因（{detail}）。</source>
        <translation>A return needs its reason ({detail}).</translation>
    </message>
    <message>
        <source>领导批示须填写批示内容和批示人。</source>
        <translation>An instruction needs its text and who gave it.</translation>
    </message>
    <message>
        <source>该单位在这项任务上没有可以撤回或审核的进展：{detail}</source>
        <translation>This unit has no report on this task to withdraw or review: {detail}</translation>
    </message>
    <message>
        <source>临期提醒天数须在 0 到 365 之间：{detail}</source>
        <translation>The due-soon warning must be between 0 and 365 days: {detail}</translation>
    </message>
    <message>
        <source>这不是督办的数据库文件，或文件已损坏：{detail}</source>
        <translation>This is not a Duban database, or the file is damaged: {detail}</translation>
    </message>
    <message>
        <source>这个文件不是督办的数据库，未作任何改动：{detail}</source>
        <translation>This file is not a Duban database; it was left unchanged: {detail}</translation>
    </message>
    <message>
        <source>数据库由更新版本的督办创建，请升级后再打开（文件未作改动）：{detail}</source>
        <translation>The database was made by a newer Duban; update Duban to open it (the file was left unchanged): {detail}</translation>
    </message>
    <message>
        <source>这条进展属于{detail}，只能由该单位（或协调办公室代其）修改。</source>
        <translation>This progress belongs to {detail}; only that unit (or the coordinating office on its behalf) can change it.</translation>
    </message>
    <message>
        <source>磁盘空间已满，督办无法写入（打开数据库也需要少量空间），数据未作改动。请清理磁盘、腾出空间后重试：{detail}</source>
        <translation>The disk is full: Duban cannot write (even opening the database needs a little space); nothing was changed. Free some space and try again: {detail}</translation>
    </message>
    <message>
        <source>文件或文件夹是只读的（或没有写入权限），督办无法写入，数据未作改动。请检查文件夹的权限，或把数据放到可以写入的位置：{detail}</source>
        <translation>The file or folder is read-only (or you may not write there): Duban cannot write; nothing was changed. Check the folder&apos;s permissions, or keep the data where it can be written: {detail}</translation>
    </message>
    <message>
        <source>数据库正被其他督办窗口或程序长时间占用，本次操作未完成，数据未作改动。请稍后再试，或关闭其他正在导入、导出的窗口：{detail}</source>
        <translation>The database is kept busy by another Duban window or program; this action was not done and nothing was changed. Try again later, or close other windows that are importing or exporting: {detail}</translation>
    </message>
    <message>
        <source>读写数据时出错，数据未作改动。请检查磁盘或 U 盘后重试：{detail}</source>
        <translation>Reading or writing the data failed; nothing was changed. Check the disk or USB stick and try again: {detail}</translation>
    </message>
    <message>
        <source>操作未完成（{code}）：{detail}</source>
        <translation>Not done ({code}): {detail}</translation>
    </message>
    <message>
        <source>文件为空，没有可导入的方案内容。</source>
        <translation>The file is empty; there is no plan to import.</translation>
    </message>
    <message>
        <source>这不是文本文件，无法作为方案导入。</source>
        <translation>This is not a text file and cannot be imported as a plan.</translation>
    </message>
    <message>
        <source>无法识别文件的文字编码，请另存为 UTF-8 文本后再导入。</source>
        <translation>The file&apos;s text encoding is not recognised; save it as UTF-8 text and import again.</translation>
    </message>
    <message>
        <source>文件过大，不像是一份分工方案。</source>
        <translation>The file is too large to be a division plan.</translation>
    </message>
    <message>
        <source>找不到这个文件。</source>
        <translation>The file was not found.</translation>
    </message>
    <message>
        <source>无法读取这个文件。</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <source>未找到带有分工单位的编号任务，这不像是一份重点任务分工方案。</source>
        <translation>No numbered tasks with assigned units were found; this does not look like a key-task division plan.</translation>
    </message>
    <message>
        <source>无法直接读取这种格式，请另存为 .docx、.xlsx 或 PDF 后再导入。</source>
        <translation>This format cannot be read directly: save it as .docx, .xlsx or PDF first, then import it.</translation>
    </message>
    <message>
        <source>这份 PDF 没有可读取的文字（可能是扫描件），本软件不做文字识别。</source>
        <translation>This PDF has no text to read (probably a scan); Duban does not recognise text in images.</translation>
    </message>
    <message>
        <source>这份 PDF 设有打开密码，无法读取。</source>
        <translation>This PDF is protected by a password and cannot be read.</translation>
    </message>
    <message>
        <source>文件已损坏或不完整，无法读取。</source>
        <translation>The file is damaged or incomplete and cannot be read.</translation>
    </message>
    <message>
        <source>无法识别这个文件的格式，请选择 .docx、.pdf、.xlsx 或 .txt 文件。</source>
        <translation>Unknown file format: choose a .docx, .pdf, .xlsx or .txt file.</translation>
    </message>
    <message>
        <source>第 {line} 行：无法识别这项任务的分工单位：“{text}”</source>
        <translation>Line {line}: the units of this task cannot be read: “{text}”</translation>
    </message>
</context>
</TS>
