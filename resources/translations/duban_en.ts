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
    <name>DetailPane</name>
    <message>
        <source>进展记录（最新在前）</source>
        <translation>Progress reports (newest first)</translation>
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
        <source>、</source>
        <translation>, </translation>
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
        <source>{label}：{value}</source>
        <translation>{label}: {value}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>搜索任务内容或单位…</source>
        <translation>Search task text or unit…</translation>
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
        <source>无法打开数据库：{reason}</source>
        <extracomment>The database could not be opened (the clerk has been told); the app should end.</extracomment>
        <translation>Cannot open the database: {reason}</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Duban</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>督办 — 重点任务分工方案</source>
        <extracomment>Pixels of the plan title in the status bar (titles run to 60 characters).</extracomment>
        <translation>Duban — key-task division plans</translation>
    </message>
    <message>
        <source>正在打开数据库…</source>
        <extracomment>Last row the clerk selected; a filter may hide it, clearing the filter brings it back.</extracomment>
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
        <source>本机：{office}</source>
        <translation>This PC: {office}</translation>
    </message>
    <message>
        <source>数据：{name}</source>
        <translation>Data: {name}</translation>
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
        <source>文本文件 (*.txt);;所有文件 (*)</source>
        <translation>Text files (*.txt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>设置本机单位</source>
        <translation>This PC&apos;s unit</translation>
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
        <source>请选择本机所属的单位，或选择协调办公室。</source>
        <translation>Choose this PC&apos;s unit, or the coordinating office.</translation>
    </message>
</context>
<context>
    <name>PlanImportDialog</name>
    <message>
        <source>导入方案</source>
        <translation>Import plan</translation>
    </message>
    <message>
        <source>请选择分工方案文本文件（.txt）</source>
        <translation>Choose a plan text file (.txt)</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
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
        <source>未能识别的行</source>
        <translation>Lines not read</translation>
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
        <source>（未识别出标题）</source>
        <translation>(no title found)</translation>
    </message>
    <message>
        <source>{sections} 个部分，{subsections} 个方面，{tasks} 项任务，{units} 个单位</source>
        <translation>{sections} sections, {subsections} subsections, {tasks} tasks, {units} units</translation>
    </message>
    <message>
        <source>第 {line} 行：没有分工单位，未作为任务导入：{text}</source>
        <translation>Line {line}: no units assigned, not imported as a task: {text}</translation>
    </message>
    <message>
        <source>没有无法识别的行。</source>
        <translation>Every line was read.</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <source>名称</source>
        <extracomment>The invalid index that stands for the hidden root (a shared default argument).</extracomment>
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
        <source>修改进展</source>
        <translation>Revise progress</translation>
    </message>
    <message>
        <source>保存后将生成一条新的修订记录，原记录保留不变。</source>
        <translation>Saving adds a new revision; the earlier report is kept unchanged.</translation>
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
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
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
        <source>全部展开(&amp;A)</source>
        <translation>Expand &amp;all</translation>
    </message>
    <message>
        <source>全部折叠(&amp;L)</source>
        <translation>Co&amp;llapse all</translation>
    </message>
    <message>
        <source>设置本机单位(&amp;O)…</source>
        <translation>This PC&apos;s &amp;unit…</translation>
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
        <translation>Done</translation>
    </message>
    <message>
        <source>受阻</source>
        <translation>Blocked</translation>
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
        <source>状态为“已完成”时，须填写工作进展。</source>
        <translation>Describe the work done when the status is “Done”.</translation>
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
        <source>方案中没有这个单位：{detail}</source>
        <translation>No such unit in the plan: {detail}</translation>
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
        <source>第 {line} 行：无法识别这项任务的分工单位：“{text}”</source>
        <translation>Line {line}: the units of this task cannot be read: “{text}”</translation>
    </message>
</context>
</TS>
