<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../plot_panel.py" line="38"/>
        <source>PlotPanel</source>
        <comment>tangent at the point</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpressionBar</name>
    <message>
        <location filename="../expression_bar.py" line="35"/>
        <source>type a formula, e.g. sin(x) * x^2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expression_bar.py" line="42"/>
        <source>The function f. Operators + - * / ^, functions such as sin(x), constants pi and e; 2x means 2*x. (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expression_bar.py" line="46"/>
        <source>Expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expression_bar.py" line="115"/>
        <source>column {column}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expression_bar.py" line="121"/>
        <source>The plot and numbers show the last formula that worked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expression_bar.py" line="127"/>
        <source>How the tutor reads your formula</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../file_actions.py" line="117"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="118"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="119"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="120"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="121"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="123"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="128"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="132"/>
        <source>Plot as &amp;PNG Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="133"/>
        <source>Plot as S&amp;VG Drawing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="134"/>
        <source>Graph View as P&amp;NG Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="135"/>
        <source>Graph View as SV&amp;G Drawing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="137"/>
        <source>Sweep as &amp;CSV Table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="138"/>
        <source>Computational Graph as &amp;DOT…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="140"/>
        <source>P&amp;ython Script…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="141"/>
        <source>&amp;Jupyter Notebook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="142"/>
        <source>Session as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="166"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="202"/>
        <location filename="../file_actions.py" line="526"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="208"/>
        <source>Autodiff Tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="222"/>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="223"/>
        <source>Save the changes to {name} before closing it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="249"/>
        <source>Open Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="259"/>
        <source>Cannot Open Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="260"/>
        <source>{name} was not opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="280"/>
        <location filename="../file_actions.py" line="374"/>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="283"/>
        <source>Save Session As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="298"/>
        <source>Cannot Save Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="299"/>
        <source>{name} was not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="307"/>
        <source>Saved {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="317"/>
        <source>Autodiff Tutor sessions (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="365"/>
        <source>&amp;Clear Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="380"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="382"/>
        <source>{suffix} files (*{suffix});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="398"/>
        <source>Not exported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="399"/>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="401"/>
        <source>Exported {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="407"/>
        <source>no suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="409"/>
        <source>unknown export format {suffix} (use one of: {known})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="420"/>
        <source>there is no view to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="523"/>
        <source>An autosaved session could not be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="530"/>
        <source>Restore Unsaved Work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="532"/>
        <source>Autodiff Tutor did not close properly. Restore the unsaved changes to {name} from {time}?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphPanel</name>
    <message>
        <location filename="../graph_view.py" line="405"/>
        <source>Click in the formula to find its part of the graph; select a node to see where it comes from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="426"/>
        <source>Reset: start the backward pass (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="428"/>
        <source>Step back (←)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="429"/>
        <source>Play / pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="431"/>
        <source>Step forward (→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="434"/>
        <source>Finish the backward pass (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="441"/>
        <source>Playback speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="446"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="446"/>
        <source>Show the whole graph (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="448"/>
        <source>graph of ∂f/∂</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="452"/>
        <source>Show the graph that backward(create_graph=True) records for the derivative: the graph a second derivative is taken on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="471"/>
        <source>speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="514"/>
        <source>f =</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="576"/>
        <source>Type a formula to see the graph it records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="599"/>
        <source>This graph has {n} nodes, too many to draw (at most {m}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="730"/>
        <source>gen {g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="769"/>
        <source>grad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="784"/>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="841"/>
        <source>done · {n} steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="843"/>
        <source>step {k} of {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="859"/>
        <source>∂f/∂{v}: {n} nodes · f: {m} nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="863"/>
        <source>{n} nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="880"/>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="893"/>
        <source>{f} was not computed by any function: its gradient is 1 and there is nothing to step through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="904"/>
        <source>Backward pass done in {n} steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="906"/>
        <source>Press ← or Home to replay it one function at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="911"/>
        <source>Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="912"/>
        <source>The output&apos;s gradient is set to 1 ({f}.grad = 1), and the function that made it waits in the queue. Press → to pop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="915"/>
        <source>Queue (highest generation first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="919"/>
        <source>Step {k} of {n}: pop {f}, generation {g}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="931"/>
        <source>Queue now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="940"/>
        <source>Not differentiable here: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="953"/>
        <source>an input variable, set with its slider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="954"/>
        <source>a constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="955"/>
        <source>the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="956"/>
        <source>an intermediate result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="961"/>
        <source>made by {f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="962"/>
        <source>value: {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="966"/>
        <source>grad: ∂{f}/∂{v} = {g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="971"/>
        <location filename="../graph_view.py" line="976"/>
        <source>generation {g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="984"/>
        <source>forward: {rule};  {ins} → {outs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="986"/>
        <source>backward: {rules}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="991"/>
        <source>at step {k}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../i18n.py" line="161"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../lesson_panel.py" line="485"/>
        <source>Load the Lesson&apos;s Example</source>
        <translation>레슨 예제 불러오기</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="487"/>
        <source>The example replaces the current formula and variables. Unsaved changes will be lost.</source>
        <translation>예제가 지금의 수식과 변수를 대신합니다. 저장하지 않은 변경 사항은 사라집니다.</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="599"/>
        <source>Book steps {steps}</source>
        <translation>책의 단계 {steps}</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="601"/>
        <source>Book step {step}</source>
        <translation>책의 단계 {step}</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="611"/>
        <source>Asked with the teaching switch: {names}</source>
        <translation>교육용 스위치를 켠 상태의 질문: {names}</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="615"/>
        <source>your prediction</source>
        <translation>예상한 값</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="616"/>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="617"/>
        <source>Reveal</source>
        <translation>정답 보기</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="624"/>
        <source>{title} (book step {step})</source>
        <translation>{title} (책의 단계 {step})</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="630"/>
        <source>Lesson {n} of {total}</source>
        <translation>레슨 {n} / {total}</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="638"/>
        <source>Example: f = {expression} at {point}</source>
        <translation>예제: {point}에서 f = {expression}</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="649"/>
        <source>Type a number, such as 2.5, -3 or 16/11.</source>
        <translation>2.5, -3, 16/11처럼 숫자를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="652"/>
        <source>✓ Right! The engine gets {value}.</source>
        <translation>✓ 맞았습니다! 엔진의 계산도 {value}입니다.</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="660"/>
        <source>✗ Not quite: {guess} is too high.</source>
        <translation>✗ 아쉽습니다. 정답은 {guess}보다 작습니다.</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="662"/>
        <source>✗ Not quite: {guess} is too low.</source>
        <translation>✗ 아쉽습니다. 정답은 {guess}보다 큽니다.</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="664"/>
        <source>Try again, or press Reveal.</source>
        <translation>다시 해 보거나 ‘정답 보기’를 누르세요.</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="667"/>
        <source>Hint: {hint}</source>
        <translation>힌트: {hint}</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="672"/>
        <source>The engine&apos;s answer: {value}</source>
        <translation>엔진의 답: {value}</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="691"/>
        <source>teaching switches on: {names}</source>
        <translation>켜진 교육용 스위치: {names}</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="693"/>
        <source>Run again</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="693"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="695"/>
        <source>Printed by the engine, just now.</source>
        <translation>방금 엔진이 출력한 결과입니다.</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="697"/>
        <source>Predict first, then run the code to see what the engine prints.</source>
        <translation>먼저 예상한 다음, 코드를 실행해서 엔진이 무엇을 출력하는지 보세요.</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="775"/>
        <source>Load Example</source>
        <translation>예제 불러오기</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="777"/>
        <source>Replace the formula and variables with this lesson&apos;s example</source>
        <translation>수식과 변수를 이 레슨의 예제로 바꿉니다</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="779"/>
        <source>Predict First</source>
        <translation>먼저 예상하기</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="781"/>
        <source>Work out each answer in your head or on paper, type it, then check.</source>
        <translation>답을 머릿속이나 종이 위에서 먼저 구해 입력한 다음 확인하세요.</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="783"/>
        <source>The Book&apos;s Code, on This Engine</source>
        <translation>책의 코드를 이 엔진으로 실행</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="784"/>
        <source>Teaching Switches</source>
        <translation>교육용 스위치</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="785"/>
        <source>Where to Look</source>
        <translation>어디를 볼까요</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="786"/>
        <source>◀ Previous</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="787"/>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="792"/>
        <source>Lessons</source>
        <translation>레슨</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="70"/>
        <source>Formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="82"/>
        <source>Variables  (◉ = the plot runs along it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="122"/>
        <source>Drag a slider, or click in the plot to move the point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="161"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="163"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="165"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="167"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="179"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192"/>
        <source>Edit &amp;Formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="205"/>
        <source>Show f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="206"/>
        <source>Show f′ (first derivative)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="207"/>
        <source>Show f″ (second derivative)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>Show the &amp;Tangent Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221"/>
        <source>&amp;Fit Plot to Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="227"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="230"/>
        <source>&amp;About Autodiff Tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="252"/>
        <source>Autodiff Tutor sessions (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="255"/>
        <location filename="../main_window.py" line="304"/>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="272"/>
        <source>Open Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="286"/>
        <source>Cannot open the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="287"/>
        <source>{file} was not opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="306"/>
        <source>Save Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="320"/>
        <source>Cannot save the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="321"/>
        <source>{file} was not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="328"/>
        <source>Saved {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="334"/>
        <source>About Autodiff Tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="336"/>
        <source>&lt;h3&gt;Autodiff Tutor&lt;/h3&gt;&lt;p&gt;Build a formula, move its variables, and watch the value, every partial derivative and the plot of f, f′ and f″ follow.&lt;/p&gt;&lt;p&gt;The numbers come from a small reverse-mode automatic differentiation engine in the style of &lt;i&gt;Deep Learning from Scratch 3&lt;/i&gt; (DeZero).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../map_view.py" line="149"/>
        <source>Variable along the horizontal axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="150"/>
        <source>Variable along the vertical axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="156"/>
        <source>Grid points per axis; the whole grid is one vectorized forward and backward pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="160"/>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="160"/>
        <source>Linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="160"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="164"/>
        <source>Colour scale: a log scale shows the floor of deep valleys (Rosenbrock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="166"/>
        <source>Horizontal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="168"/>
        <source>Vertical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="171"/>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="173"/>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="179"/>
        <source>The map needs an expression with two or more variables, e.g. x^2 - y^2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="255"/>
        <source>&lt;span style=&quot;color:{g}&quot;&gt;━▶&lt;/span&gt; ∇f points uphill &amp;nbsp; &lt;span style=&quot;color:#444&quot;&gt;━▷&lt;/span&gt; −∇f, the direction of steepest descent&lt;br&gt;Drag or click the map to move the point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="518"/>
        <source>f({x}, {y})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="520"/>
        <source>with {values}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="524"/>
        <source>(log colour scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../map_view.py" line="584"/>
        <source>at ({x}, {y}) = ({px}, {py}): f = &lt;b&gt;{f}&lt;/b&gt;&lt;br&gt;&lt;span style=&quot;color:{gc}&quot;&gt;∇f&lt;/span&gt; = (∂f/∂{x}, ∂f/∂{y}) = (&lt;b&gt;{gx}&lt;/b&gt;, &lt;b&gt;{gy}&lt;/b&gt;), |∇f| = {norm}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptimizerPanel</name>
    <message>
        <location filename="../optimizer_panel.py" line="64"/>
        <source>Rosenbrock, 100(x1 − x0²)² + (1 − x0)²: descent from (0, 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="65"/>
        <source>x⁴ − 2x²: Newton&apos;s method from x = 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="66"/>
        <source>Saddle x² − y²: descent slides off the ridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="77"/>
        <source>Converged after {n} steps: the step became negligibly small.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="79"/>
        <source>Stopped at step {n}: f″ = 0 here, so Newton&apos;s step is undefined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="81"/>
        <source>Stopped at step {n}: the next step leaves the slider range of {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="85"/>
        <source>Diverged at step {n}: the point ran away beyond ±{limit:g}. Try a smaller learning rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="90"/>
        <source>Cannot start here: f or its derivative is not finite at this point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="91"/>
        <source>Diverged at step {n}: values became infinite or undefined. Try a smaller learning rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="155"/>
        <source>Load a preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="159"/>
        <source>Replace the expression with a ready-made landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="166"/>
        <source>Gradient descent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="167"/>
        <source>Newton&apos;s method (one variable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="180"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="182"/>
        <source>Moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="173"/>
        <source>Each step moves by −(learning rate) × ∇f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="184"/>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="178"/>
        <source>Steps taken between two redraws while running (about 60 redraws a second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="186"/>
        <source>Steps per frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="193"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="194"/>
        <source>Take one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="195"/>
        <location filename="../optimizer_panel.py" line="291"/>
        <source>Run</source>
        <translation type="unfinished">실행</translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="197"/>
        <source>Keep stepping, redrawing about 60 times a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="198"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="199"/>
        <source>Back to where the run started; forget the trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="282"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="322"/>
        <source>Load preset {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="475"/>
        <source>The engine failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="537"/>
        <source>nothing: the expression has no variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="541"/>
        <source>(holding {names} fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="545"/>
        <source>Iteration 0 — press Step or Run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="549"/>
        <source>Iteration &lt;b&gt;{n}&lt;/b&gt; &amp;nbsp; f = &lt;b&gt;{f}&lt;/b&gt; &amp;nbsp; ({names}) = ({coords})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="553"/>
        <source>f′ = {g}, f″ = {h}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_panel.py" line="555"/>
        <source>|∇f| = {g}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../palette.py" line="68"/>
        <source>new variable…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../palette.py" line="70"/>
        <source>Add a variable with a name of your choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../palette.py" line="73"/>
        <source>name, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../palette.py" line="92"/>
        <source>Delete before the cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../palette.py" line="101"/>
        <source>clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../palette.py" line="102"/>
        <source>Empty the expression field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../palette.py" line="115"/>
        <source>Insert {name}( — or wrap the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../palette.py" line="160"/>
        <source>Insert the variable {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <location filename="../plot_panel.py" line="96"/>
        <source>Fit view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plot_panel.py" line="98"/>
        <source>Fit the axes to the curves again (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plot_panel.py" line="195"/>
        <source>f along {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plot_panel.py" line="229"/>
        <source>f = {value} has no variable to plot along</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../controller.py" line="202"/>
        <source>Edit expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../controller.py" line="224"/>
        <source>Change {name} to {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../controller.py" line="259"/>
        <source>Move ({names}) to ({values})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../controller.py" line="290"/>
        <source>Change range of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../controller.py" line="300"/>
        <source>&apos;{name}&apos; is not a valid variable name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../controller.py" line="302"/>
        <source>&apos;{name}&apos; is a reserved name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../controller.py" line="306"/>
        <source>Add variable {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../controller.py" line="315"/>
        <source>Remove variable {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../controller.py" line="324"/>
        <source>Plot along {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../controller.py" line="332"/>
        <source>Change plotted curves</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SwitchBanner</name>
    <message>
        <location filename="../lesson_panel.py" line="135"/>
        <source>Teaching mode on:</source>
        <translation>교육용 모드 켜짐:</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="137"/>
        <source>results show a bug the book fixes.</source>
        <translation>책에서 고치는 버그가 결과에 나타납니다.</translation>
    </message>
    <message>
        <location filename="../lesson_panel.py" line="140"/>
        <source>Turn off</source>
        <translation>끄기</translation>
    </message>
</context>
<context>
    <name>ValueDisplay</name>
    <message>
        <location filename="../value_display.py" line="70"/>
        <source>f at {point}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../value_display.py" line="82"/>
        <source>from the last formula that worked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VariableRow</name>
    <message>
        <location filename="../variables_panel.py" line="77"/>
        <source>Plot f along {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../variables_panel.py" line="78"/>
        <source>Plot along {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../variables_panel.py" line="95"/>
        <location filename="../variables_panel.py" line="107"/>
        <source>Value of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../variables_panel.py" line="119"/>
        <location filename="../variables_panel.py" line="224"/>
        <source>How fast f changes when {name} moves, the others held still</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../variables_panel.py" line="134"/>
        <source>Smallest value of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../variables_panel.py" line="135"/>
        <source>Largest value of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../variables_panel.py" line="136"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../variables_panel.py" line="136"/>
        <source>Slider step of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../variables_panel.py" line="156"/>
        <source>Remove {name} (f does not use it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../variables_panel.py" line="222"/>
        <source>f does not use {name}: moving it changes nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../variables_panel.py" line="268"/>
        <source>not a number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VariablesPanel</name>
    <message>
        <location filename="../variables_panel.py" line="317"/>
        <source>No variables yet: type a name such as x in the formula.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
