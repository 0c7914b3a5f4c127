<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>ExpressionBar</name>
    <message>
        <location filename="../panels/formula/expression_bar.py" line="235"/>
        <source>type a formula, e.g. sin(x) * x^2</source>
        <translation>수식을 입력하세요. 예: sin(x) * x^2</translation>
    </message>
    <message>
        <location filename="../panels/formula/expression_bar.py" line="237"/>
        <source>The function f. Operators + - * / ^, functions such as sin(x), constants pi and e; 2x means 2*x. (Ctrl+L)</source>
        <translation>함수 f. 연산자 + - * / ^, sin(x) 같은 함수, 상수 pi와 e를 쓸 수 있습니다. 2x는 2*x를 뜻합니다. (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../panels/formula/expression_bar.py" line="240"/>
        <source>Expression</source>
        <translation>수식</translation>
    </message>
    <message>
        <location filename="../panels/formula/expression_bar.py" line="292"/>
        <source>= {formula}    (Enter or a short pause adds {names})</source>
        <translation>= {formula}    (Enter를 누르거나 잠시 멈추면 {names} 추가)</translation>
    </message>
    <message>
        <location filename="../panels/formula/expression_bar.py" line="307"/>
        <source>{count} outputs: the Jacobian tab shows them all; the plot, the graph and the numbers keep the last formula with one f.</source>
        <translation>출력 {count}개: 야코비 행렬 탭에서 모두 볼 수 있습니다. 플롯, 그래프, 숫자는 출력이 하나인 마지막 수식을 그대로 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../panels/formula/expression_bar.py" line="317"/>
        <source>column {column}: {message}</source>
        <translation>{column}번째 열: {message}</translation>
    </message>
    <message>
        <location filename="../panels/formula/expression_bar.py" line="299"/>
        <location filename="../panels/formula/expression_bar.py" line="324"/>
        <source>The plot and numbers show the last formula that worked.</source>
        <translation>플롯과 숫자는 마지막으로 올바르게 계산된 수식의 결과입니다.</translation>
    </message>
    <message>
        <location filename="../panels/formula/expression_bar.py" line="332"/>
        <source>How the tutor reads your formula</source>
        <translation>튜터가 수식을 읽은 방식</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../file_actions.py" line="188"/>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="189"/>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="190"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="191"/>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="192"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="193"/>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="194"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="196"/>
        <source>Plot as &amp;PNG Image…</source>
        <translation>플롯을 PNG 이미지로(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="197"/>
        <source>Plot as S&amp;VG Drawing…</source>
        <translation>플롯을 SVG 그림으로(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="198"/>
        <source>Graph View as P&amp;NG Image…</source>
        <translation>그래프 보기를 PNG 이미지로(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="199"/>
        <source>Graph View as SV&amp;G Drawing…</source>
        <translation>그래프 보기를 SVG 그림으로(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="200"/>
        <source>Sweep as &amp;CSV Table…</source>
        <translation>스윕 결과를 CSV 표로(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="201"/>
        <source>Computational Graph as &amp;DOT…</source>
        <translation>계산 그래프를 DOT으로(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="202"/>
        <source>P&amp;ython Script…</source>
        <translation>파이썬 스크립트(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="203"/>
        <source>&amp;Jupyter Notebook…</source>
        <translation>주피터 노트북(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="204"/>
        <source>Session as &amp;JSON…</source>
        <translation>세션을 JSON으로(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="187"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="663"/>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="271"/>
        <source>Unsaved Changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="272"/>
        <source>Save the changes to {name} before closing it?</source>
        <translation>닫기 전에 {name}의 변경 사항을 저장할까요?</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="312"/>
        <source>Open Session</source>
        <translation>세션 열기</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="322"/>
        <source>Cannot Open Session</source>
        <translation>세션을 열 수 없음</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="323"/>
        <source>{name} was not opened: {reason}</source>
        <translation>{name}을(를) 열지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="351"/>
        <location filename="../file_actions.py" line="457"/>
        <source>untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="354"/>
        <source>Save Session As</source>
        <translation>다른 이름으로 세션 저장</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="370"/>
        <source>Cannot Save Session</source>
        <translation>세션을 저장할 수 없음</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="367"/>
        <source>{name} was not saved: {reason}</source>
        <translation>{name}을(를) 저장하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="377"/>
        <source>Saved {name}</source>
        <translation>{name} 저장됨</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="386"/>
        <source>Autodiff Tutor sessions (*.json);;All files (*)</source>
        <translation>Autodiff Tutor 세션 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="448"/>
        <source>&amp;Clear Recent Files</source>
        <translation>최근 파일 목록 지우기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="463"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="465"/>
        <source>{suffix} files (*{suffix});;All files (*)</source>
        <translation>{suffix} 파일 (*{suffix});;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="481"/>
        <source>Not exported: {reason}</source>
        <translation>내보내지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="482"/>
        <source>Export Failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="484"/>
        <source>Exported {name}</source>
        <translation>{name} 내보냄</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="486"/>
        <source>Exported {name} at the {points} points the plot shows</source>
        <translation>{name} 내보냄 (그래프에 보이는 {points}개 점으로)</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="501"/>
        <source>there is no view to export</source>
        <translation>내보낼 보기가 없습니다</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="572"/>
        <source>Autosave works again: your changes are protected.</source>
        <translation>자동 저장이 다시 됩니다: 변경 내용이 보호됩니다.</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="579"/>
        <source>Autosave failed: your changes are not protected against a crash ({reason}). Save them with File &gt; Save As.</source>
        <translation>자동 저장 실패: 프로그램이 비정상 종료되면 변경 내용을 잃을 수 있습니다 ({reason}). 파일 &gt; 다른 이름으로 저장으로 저장하세요.</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="587"/>
        <source>Autosave Failed</source>
        <translation>자동 저장 실패</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="658"/>
        <source>An autosaved session could not be read: {reason}</source>
        <translation>자동 저장된 세션을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="667"/>
        <source>Restore Unsaved Work?</source>
        <translation>저장하지 않은 작업을 복원할까요?</translation>
    </message>
    <message>
        <location filename="../file_actions.py" line="669"/>
        <source>Autodiff Tutor did not close properly. Restore the unsaved changes to {name} from {time}?</source>
        <translation>Autodiff Tutor가 정상적으로 종료되지 않았습니다. {time}에 저장되지 않은 {name}의 변경 사항을 복원할까요?</translation>
    </message>
</context>
<context>
    <name>GradientCheckPanel</name>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="180"/>
        <source>Backprop&apos;s ∂f/∂v beside the central difference (f(v+h) − f(v−h)) / 2h. Move h: too large and truncation error grows (∝ h²), too small and round-off takes over (∝ ε/h).</source>
        <translation>역전파로 구한 ∂f/∂v와 중앙차분 (f(v+h) − f(v−h)) / 2h를 나란히 보여 줍니다. h를 움직여 보세요. 너무 크면 절단 오차가 커지고(∝ h²), 너무 작으면 반올림 오차가 커집니다(∝ ε/h).</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="185"/>
        <source>Step h of the central difference (log scale)</source>
        <translation>중앙차분의 간격 h (로그 눈금)</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="186"/>
        <source>Step h of the central difference</source>
        <translation>중앙 차분의 간격 h</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="187"/>
        <source>Backprop against the central difference</source>
        <translation>역전파와 중앙 차분의 비교</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="188"/>
        <source>Column headings</source>
        <translation>열 제목</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="190"/>
        <source>Relative error as h varies</source>
        <translation>h에 따른 상대 오차</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="191"/>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="207"/>
        <source>step h</source>
        <translation>간격 h</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="194"/>
        <source>variable</source>
        <translation>변수</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="195"/>
        <source>backprop</source>
        <translation>역전파</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="196"/>
        <source>central diff.</source>
        <translation>중앙차분</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="197"/>
        <source>rel. error</source>
        <translation>상대 오차</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="202"/>
        <source>|backprop − difference| / max(|backprop|, |difference|, {floor}); “both ≈ 0” when both are below {floor}, where a difference quotient cannot tell a derivative from 0</source>
        <translation>|역전파 − 차분| / max(|역전파|, |차분|, {floor}); 둘 다 {floor}보다 작으면 “둘 다 ≈ 0”: 차분몫으로는 그 미분값을 0과 구별할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="208"/>
        <source>relative error</source>
        <translation>상대 오차</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="209"/>
        <source>round-off ∝ ε/h</source>
        <translation>반올림 오차 ∝ ε/h</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="210"/>
        <source>truncation ∝ h²</source>
        <translation>절단 오차 ∝ h²</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="238"/>
        <source>No variables: nothing to check.</source>
        <translation>변수가 없어서 확인할 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="280"/>
        <source>both ≈ 0</source>
        <translation>둘 다 ≈ 0</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="351"/>
        <source>Relative error for ∂f/∂{v} as h varies</source>
        <translation>h에 따른 ∂f/∂{v}의 상대 오차</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="373"/>
        <source>⚠ {where}: its input is exactly 0, where {op} has a corner and no derivative. Backprop uses the subgradient {sub}; the central difference averages the two slopes.</source>
        <translation>⚠ {where}: 입력이 정확히 0입니다. {op}는 여기서 꺾여 있어 미분할 수 없습니다. 역전파는 부분 기울기(subgradient) {sub}를 쓰고, 중앙차분은 양쪽 기울기의 평균을 냅니다.</translation>
    </message>
    <message>
        <location filename="../panels/gradient_check/gradient_check_panel.py" line="381"/>
        <source>⚠ {where}: its input {x} is within h of the corner at 0, so f(v ± h) fall on both sides of it and the central difference mixes two slopes. Make h smaller.</source>
        <translation>⚠ {where}: 입력 {x}가 꺾인 점 0에서 h보다 가까워서 f(v ± h)가 양쪽에 걸치므로, 중앙차분이 두 기울기를 섞게 됩니다. h를 더 작게 하세요.</translation>
    </message>
</context>
<context>
    <name>GraphPanel</name>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1111"/>
        <source>Click in the formula to find its part of the graph; select a node to see where it comes from.</source>
        <translation>수식을 클릭하면 그래프에서 해당 부분을 찾아 주고, 노드를 선택하면 수식의 어느 부분에서 왔는지 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1139"/>
        <location filename="../panels/graph/graph_panel.py" line="1140"/>
        <source>Playback speed</source>
        <translation>재생 속도</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1141"/>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1161"/>
        <source>graph of ∂f/∂</source>
        <translation>∂f/∂의 그래프</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2117"/>
        <source>Run {f}, generation {g}.</source>
        <translation>{f} 실행, 세대 {g}.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2309"/>
        <source>Step through in forward mode</source>
        <translation>순방향 모드로 단계 실행</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2310"/>
        <source>Step through in reverse mode</source>
        <translation>역방향 모드로 단계 실행</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2320"/>
        <source>Forward mode along {v}</source>
        <translation>{v} 방향의 순방향 모드</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2367"/>
        <source>Forward mode steps through the graph of f at the point; switch to reverse mode (Alt+M) for this graph.</source>
        <translation>순방향 모드는 그 점에서 f의 그래프를 단계별로 따라갑니다. 이 그래프를 보려면 역방향 모드로 바꾸세요(Alt+M).</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2370"/>
        <source>Show the graph that backward(create_graph=True) records for the derivative: the graph a second derivative is taken on.</source>
        <translation>backward(create_graph=True)가 미분에 대해 기록한 그래프를 보여 줍니다. 2차 미분은 이 그래프에서 구합니다.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1138"/>
        <source>speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1108"/>
        <source>f =</source>
        <translation>f =</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1120"/>
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1121"/>
        <location filename="../panels/graph/graph_panel.py" line="2386"/>
        <source>Reset: start the backward pass</source>
        <translation>처음으로: 역전파를 처음부터</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1122"/>
        <source>Step back</source>
        <translation>한 단계 뒤로</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1123"/>
        <source>Play or pause</source>
        <translation>재생 또는 일시 정지</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1123"/>
        <source>Play / pause</source>
        <translation>재생 / 일시 정지</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1125"/>
        <source>Step forward</source>
        <translation>한 단계 앞으로</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1127"/>
        <source>Finish</source>
        <translation>끝으로</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1127"/>
        <location filename="../panels/graph/graph_panel.py" line="2388"/>
        <source>Finish the backward pass</source>
        <translation>역전파를 끝까지</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1129"/>
        <source>Fit the graph</source>
        <translation>그래프 맞추기</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1129"/>
        <source>Show the whole graph</source>
        <translation>그래프 전체 보기</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1131"/>
        <source>Go to where the NaN began</source>
        <translation>NaN이 시작된 곳으로 가기</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1132"/>
        <source>Go to the first operation whose result was not finite</source>
        <translation>결과가 처음으로 유한하지 않게 된 연산으로 가기</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1142"/>
        <source>NaN origin</source>
        <translation>NaN 시작점</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1143"/>
        <source>Show the graph of ∂f/∂</source>
        <translation>∂f/∂의 그래프 보기</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1144"/>
        <location filename="../panels/graph/graph_panel.py" line="1145"/>
        <source>Variable of the derivative graph</source>
        <translation>도함수 그래프의 변수</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1146"/>
        <source>The formula the graph was recorded from</source>
        <translation>그래프를 기록한 식</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1147"/>
        <source>Computational graph</source>
        <translation>계산 그래프</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1148"/>
        <source>Minimap of the whole graph</source>
        <translation>그래프 전체 미니맵</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1150"/>
        <source>The whole graph; click or use the arrow keys to move the view</source>
        <translation>그래프 전체입니다. 클릭하거나 화살표 키로 보기를 옮기세요</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1255"/>
        <source>Type a formula to see the graph it records.</source>
        <translation>수식을 입력하면 기록된 계산 그래프가 보입니다.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1305"/>
        <source>This graph has {n} nodes, too many to draw (at most {m}).</source>
        <translation>이 그래프는 노드가 {n}개여서 그릴 수 없습니다(최대 {m}개).</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1641"/>
        <source>gen {g}</source>
        <translation>세대 {g}</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1553"/>
        <location filename="../panels/graph/graph_panel.py" line="1714"/>
        <source>grad</source>
        <translation>grad</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1152"/>
        <source>graph of the sweep</source>
        <translation>구간의 그래프</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1153"/>
        <location filename="../panels/graph/graph_panel.py" line="2269"/>
        <source>Show the graph of the plot&apos;s sweep</source>
        <translation>플롯 구간의 그래프 보기</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1156"/>
        <location filename="../panels/graph/graph_panel.py" line="2374"/>
        <source>Show the graph the plot records: the swept variable an array of points, the others numbers that broadcast. Shapes are on every edge, arrays are heat strips, and the step-through says where sum_to sums a gradient back.</source>
        <translation>플롯이 기록하는 그래프를 봅니다: 훑는 변수는 점들의 배열이고, 나머지는 브로드캐스트되는 수입니다. 모든 간선에 형태가 표시되고, 배열은 색 띠로 그려지며, 단계별 보기는 sum_to가 기울기를 어디서 다시 더하는지 알려 줍니다.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1745"/>
        <location filename="../panels/graph/graph_panel.py" line="1756"/>
        <source>now</source>
        <translation>지금</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1748"/>
        <location filename="../panels/graph/graph_panel.py" line="1758"/>
        <source>#{k} · g{g}</source>
        <translation>#{k} · g{g}</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1779"/>
        <source>first NaN</source>
        <translation>첫 NaN</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1779"/>
        <source>first ∞</source>
        <translation>첫 ∞</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1918"/>
        <source>done · {n} steps</source>
        <translation>완료 · {n}단계</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1920"/>
        <source>start · {n} steps</source>
        <translation>시작 · {n}단계</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1922"/>
        <source>step {k} of {n}</source>
        <translation>{k} / {n}단계</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1940"/>
        <source>{v}: {k} of {p} points · {n} nodes</source>
        <translation>{v}: 점 {p}개 중 {k}개 · 노드 {n}개</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1944"/>
        <source>The graph of the plot&apos;s sweep along {v}, recorded at {k} of its {p} points (evenly spread) to stay quick: {n} nodes</source>
        <translation>{v}를 따라 훑는 플롯 구간의 그래프, 빠르게 그리려고 점 {p}개 중 고르게 뽑은 {k}개에서 기록: 노드 {n}개</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1948"/>
        <source>{v}: {k} points · {n} nodes</source>
        <translation>{v}: 점 {k}개 · 노드 {n}개</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1949"/>
        <source>The graph of the plot&apos;s sweep along {v}, {k} points: {n} nodes</source>
        <translation>{v}를 따라 훑는 플롯 구간의 그래프, 점 {k}개: 노드 {n}개</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1954"/>
        <source>the plot sweeps no variable of f: the graph at the point · {n} nodes</source>
        <translation>플롯이 f의 변수를 훑지 않습니다: 현재 점의 그래프 · 노드 {n}개</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1958"/>
        <source>∂f/∂{v}: {n} nodes · f: {m} nodes</source>
        <translation>∂f/∂{v}: 노드 {n}개 · f: 노드 {m}개</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1952"/>
        <location filename="../panels/graph/graph_panel.py" line="1962"/>
        <source>{n} nodes</source>
        <translation>노드 {n}개</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1162"/>
        <source>Reverse mode</source>
        <translation>역방향 모드</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1163"/>
        <source>Forward mode</source>
        <translation>순방향 모드</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1164"/>
        <source>Mode of the step-through</source>
        <translation>단계 실행의 모드</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1166"/>
        <source>Reverse mode: one backward pass gives ∂f/∂ of every input. Forward mode: one pass carries tangents from the inputs along a direction ({keys} switches)</source>
        <translation>역방향 모드: 역전파 한 번으로 모든 입력의 ∂f/∂를 얻습니다. 순방향 모드: 한 번의 패스가 입력에서 한 방향의 접선을 실어 나릅니다({keys}로 전환)</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1169"/>
        <source>Switch reverse / forward mode</source>
        <translation>역방향 / 순방향 모드 전환</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1170"/>
        <source>tangent 1 on</source>
        <translation>접선 1:</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1171"/>
        <source>Direction of the forward pass</source>
        <translation>순방향 패스의 방향</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1173"/>
        <source>The input whose tangent is 1 (the others 0): the pass computes ∂f/∂ of it</source>
        <translation>접선이 1인 입력(나머지는 0): 이 패스는 그 입력에 대한 ∂f/∂를 계산합니다</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1993"/>
        <source>empty</source>
        <translation>비어 있음</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="1995"/>
        <source>gen</source>
        <translation>세대</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2007"/>
        <source>… and {n} more</source>
        <translation>… 외 {n}개</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2013"/>
        <source>Not finite:</source>
        <translation>유한하지 않음:</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2017"/>
        <source>({keys} goes there)</source>
        <translation>({keys} 키로 이동)</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2024"/>
        <source>{f} was not computed by any function: its gradient is 1 and there is nothing to step through.</source>
        <translation>{f}는 어떤 함수로도 계산되지 않았습니다. 미분값은 1이고, 단계별로 실행할 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2036"/>
        <source>Backward pass done in {n} steps.</source>
        <translation>역전파가 {n}단계 만에 끝났습니다.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2038"/>
        <source>Press ← or Home to replay it one function at a time.</source>
        <translation>←나 Home을 누르면 함수 하나씩 다시 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2043"/>
        <location filename="../panels/graph/graph_panel.py" line="2108"/>
        <source>Start.</source>
        <translation>시작.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2044"/>
        <source>The output&apos;s gradient is set to 1 ({f}.grad = 1), and the function that made it waits in the queue. Press → to pop it.</source>
        <translation>출력의 미분값을 1로 둡니다({f}.grad = 1). 출력을 만든 함수가 대기열에서 기다립니다. →를 눌러 꺼내 보세요.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2047"/>
        <source>Queue (highest generation first):</source>
        <translation>대기열 (세대가 큰 것부터):</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2051"/>
        <source>Step {k} of {n}: pop {f}, generation {g}.</source>
        <translation>{n}단계 중 {k}단계: 세대 {g}인 {f}를 꺼냅니다.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2061"/>
        <source>shapes: {ins} → {outs}</source>
        <translation>형태: {ins} → {outs}</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2072"/>
        <source>Queue now:</source>
        <translation>지금 대기열:</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2096"/>
        <source>{f} was not computed by any function: its tangent is its input&apos;s, and there is nothing to step through.</source>
        <translation>{f}는 어떤 함수로도 계산되지 않았습니다: 접선은 입력의 것이며 단계별로 볼 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2101"/>
        <source>Forward pass done in {n} steps.</source>
        <translation>순방향 패스가 {n}단계로 끝났습니다.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2103"/>
        <source>One pass gave the derivative along one direction; the other inputs&apos; derivatives need a pass each. Press ← or Home to replay it.</source>
        <translation>한 번의 패스로 한 방향의 도함수를 얻었습니다. 다른 입력의 도함수는 각각 한 번씩 패스가 더 필요합니다. ← 또는 Home을 눌러 다시 보세요.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2109"/>
        <source>Each input&apos;s tangent is set to the direction ({seeds}). The functions run in generation order, inputs first, each computing its value and its tangent. Press → to run the first.</source>
        <translation>각 입력의 접선을 방향({seeds})으로 둡니다. 함수들은 세대 순서로, 입력부터 실행되며 각각 값과 접선을 계산합니다. →를 눌러 첫 함수를 실행하세요.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2113"/>
        <source>To run (in generation order):</source>
        <translation>실행할 함수(세대 순서):</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2133"/>
        <source>Still to run:</source>
        <translation>남은 함수:</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2145"/>
        <source>{f} has a corner at 0; backprop uses the subgradient {sub}</source>
        <translation>{f}는 0에서 꺾여 있습니다. 역전파는 부분 기울기 {sub}을(를) 씁니다</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2148"/>
        <source>Not differentiable here: {why}.</source>
        <translation>여기서는 미분할 수 없습니다: {why}.</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2163"/>
        <source>a group of {n} functions: click to open it</source>
        <translation>함수 {n}개의 묶음: 클릭하면 열립니다</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2167"/>
        <source>an input variable, set with its slider</source>
        <translation>입력 변수 (슬라이더로 값을 정함)</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2168"/>
        <source>a constant</source>
        <translation>상수</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2169"/>
        <source>the output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2170"/>
        <source>an intermediate result</source>
        <translation>중간 결과</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2175"/>
        <source>made by {f}</source>
        <translation>{f}가 만듦</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2178"/>
        <source>shape: {s}</source>
        <translation>형태: {s}</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2179"/>
        <source>value: {v}</source>
        <translation>값: {v}</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2185"/>
        <source>tangent: {d} = {t}</source>
        <translation>접선: {d} = {t}</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2190"/>
        <source>grad: {d} = {g}</source>
        <translation>미분값: {d} = {g}</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2196"/>
        <source>no gradient: it depends on no input</source>
        <translation>기울기 없음: 어떤 입력에도 의존하지 않음</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2204"/>
        <location filename="../panels/graph/graph_panel.py" line="2210"/>
        <source>generation {g}</source>
        <translation>세대 {g}</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2218"/>
        <source>forward: {rule};  {ins} → {outs}</source>
        <translation>순전파: {rule};  {ins} → {outs}</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2220"/>
        <source>backward: {rules}</source>
        <translation>역전파: {rules}</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2225"/>
        <source>at step {k}:</source>
        <translation>{k}단계에서:</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2270"/>
        <source>Show the graph at the point</source>
        <translation>현재 점의 그래프 보기</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2381"/>
        <source>Reset: start the forward pass</source>
        <translation>처음으로: 순방향 패스 시작</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2383"/>
        <source>Finish the forward pass</source>
        <translation>순방향 패스 끝내기</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2397"/>
        <source>1 pass</source>
        <translation>패스 1번</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2397"/>
        <source>{n} passes</source>
        <translation>패스 {n}번</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2400"/>
        <source>1 operation</source>
        <translation>연산 1회</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2400"/>
        <source>{n} operations</source>
        <translation>연산 {n}회</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2403"/>
        <source>Full gradient: forward mode {fp}, {fo} · reverse mode {rp}, {ro}</source>
        <translation>전체 기울기: 순방향 모드 {fp}, {fo} · 역방향 모드 {rp}, {ro}</translation>
    </message>
    <message>
        <location filename="../panels/graph/graph_panel.py" line="2407"/>
        <source>Forward mode gets one input&apos;s derivative per pass, so the full gradient takes one pass per input; reverse mode gets every input&apos;s from one backward pass per output. Operations: every function the engine evaluated (building the graph, and the tangent rules or backward methods), counted as they ran.</source>
        <translation>순방향 모드는 패스마다 입력 하나의 도함수를 얻으므로 전체 기울기에 입력마다 패스가 한 번 필요합니다. 역방향 모드는 출력마다 역전파 한 번으로 모든 입력의 도함수를 얻습니다. 연산: 엔진이 평가한 모든 함수(그래프 만들기, 접선 규칙 또는 backward 메서드)를 실행된 그대로 센 수입니다.</translation>
    </message>
</context>
<context>
    <name>JacobianPanel</name>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="143"/>
        <source>For several outputs, write a tuple: (x*y, sin(x) + y^2). Row i of the Jacobian J is the gradient of fᵢ, column j the derivatives along xⱼ. One backward pass gives vᵀJ, one forward pass J·u.</source>
        <translation>출력이 여럿이면 튜플로 씁니다: (x*y, sin(x) + y^2). 야코비 행렬 J의 i행은 fᵢ의 기울기, j열은 xⱼ 방향의 미분입니다. 역전파 한 번은 vᵀJ를, 순전파 한 번은 J·u를 줍니다.</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="148"/>
        <source>vᵀJ: one backward pass (reverse mode)</source>
        <translation>vᵀJ: 역전파 한 번 (역방향 모드)</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="149"/>
        <source>J·u: one forward pass (forward mode)</source>
        <translation>J·u: 순전파 한 번 (순방향 모드)</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="150"/>
        <source>Vector-Jacobian product, one backward pass</source>
        <translation>벡터-야코비 곱, 역전파 한 번</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="151"/>
        <source>Jacobian-vector product, one forward pass</source>
        <translation>야코비-벡터 곱, 순전파 한 번</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="152"/>
        <source>Jacobian matrix</source>
        <translation>야코비 행렬</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="153"/>
        <source>The whole Jacobian, measured on the engine:</source>
        <translation>야코비 행렬 전체의 비용 (엔진에서 측정):</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="155"/>
        <source>Component {name} of v</source>
        <translation>v의 성분 {name}</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="157"/>
        <source>Component {name} of u</source>
        <translation>u의 성분 {name}</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="187"/>
        <source>Change the Jacobian&apos;s vector</source>
        <translation>야코비 벡터 바꾸기</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="224"/>
        <source>This formula has no variables: J has no columns.</source>
        <translation>이 식에는 변수가 없어서 J에 열이 없습니다.</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="254"/>
        <source>{names}: no slider yet, taken at 1</source>
        <translation>{names}: 아직 슬라이더가 없어 1로 계산합니다</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="396"/>
        <source>v: how much of each output&apos;s gradient (the output grads&apos; seed)</source>
        <translation>v: 각 출력의 기울기를 얼마나 섞을지 (출력 미분값의 시작값)</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="401"/>
        <source>u: the direction the inputs move in (tangents)</source>
        <translation>u: 입력이 움직이는 방향 (접벡터)</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="411"/>
        <source>v is one-hot: this backward pass fills row {i}, the gradient of {f}.</source>
        <translation>v가 원-핫 벡터라서 이 역전파 한 번이 {i}행, 곧 {f}의 기울기를 채웁니다.</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="417"/>
        <source>u is one-hot: this forward pass fills column {j}, every output&apos;s derivative along {x}.</source>
        <translation>u가 원-핫 벡터라서 이 순전파 한 번이 {j}열, 곧 모든 출력의 {x} 방향 미분을 채웁니다.</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="423"/>
        <source>A general v: the pass gives a mix of the rows, Σ vᵢ · row i.</source>
        <translation>일반적인 v: 이 계산은 행들을 섞은 Σ vᵢ · (i행)을 줍니다.</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="427"/>
        <source>A general u: the pass gives a mix of the columns, Σ uⱼ · column j.</source>
        <translation>일반적인 u: 이 계산은 열들을 섞은 Σ uⱼ · (j열)을 줍니다.</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="433"/>
        <source>forward mode</source>
        <translation>순방향 모드</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="433"/>
        <source>one per input</source>
        <translation>입력마다 한 번</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="434"/>
        <source>reverse mode</source>
        <translation>역방향 모드</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="434"/>
        <source>one per output</source>
        <translation>출력마다 한 번</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="436"/>
        <source>passes</source>
        <translation>패스</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="437"/>
        <source>operations</source>
        <translation>연산</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="438"/>
        <source>rules run</source>
        <translation>실행한 규칙</translation>
    </message>
    <message>
        <location filename="../panels/jacobian/jacobian_panel.py" line="446"/>
        <source>operations: every function the engine evaluated (the rules&apos; own included); rules run: tangent rules (forward) or backward methods (reverse).</source>
        <translation>연산: 엔진이 계산한 모든 함수 (규칙 안의 것도 포함), 실행한 규칙: 접선 규칙(순방향) 또는 역전파 메서드(역방향)의 수.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../i18n.py" line="202"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="495"/>
        <source>Open Lesson Folder</source>
        <translation>레슨 폴더 열기</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="504"/>
        <source>Cannot Open Lesson</source>
        <translation>레슨을 열 수 없음</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="505"/>
        <source>The lesson in {folder} was not opened.

{reason}</source>
        <translation>{folder}의 레슨을 열지 못했습니다.

{reason}</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="536"/>
        <source>Load the Lesson&apos;s Example</source>
        <translation>레슨 예제 불러오기</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="538"/>
        <source>The example replaces the current formula and variables. Unsaved changes will be lost.</source>
        <translation>예제가 지금의 수식과 변수를 대신합니다. 저장하지 않은 변경 사항은 사라집니다.</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="597"/>
        <source>Go to Lesson “{title}”</source>
        <translation>레슨 “{title}”(으)로 이동</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="682"/>
        <source>Book steps {steps}</source>
        <translation>책의 단계 {steps}</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="684"/>
        <source>Book step {step}</source>
        <translation>책의 단계 {step}</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="686"/>
        <source>Opened from {folder}</source>
        <translation>{folder} 폴더에서 엶</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="697"/>
        <source>Asked with the teaching switch: {names}</source>
        <translation>교육용 스위치를 켠 상태의 질문: {names}</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="701"/>
        <source>your prediction</source>
        <translation>예상한 값</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="703"/>
        <source>Your prediction for question {number}</source>
        <translation>{number}번 문제에 대한 예측</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="705"/>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="706"/>
        <source>Reveal</source>
        <translation>정답 보기</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="713"/>
        <source>{title} (book step {step})</source>
        <translation>{title} (책의 단계 {step})</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="719"/>
        <source>Lesson {n} of {total}</source>
        <translation>레슨 {n} / {total}</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="728"/>
        <source>Example: f = {expression}</source>
        <translation>예제: f = {expression}</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="729"/>
        <source>Example: f = {expression} at {point}</source>
        <translation>예제: {point}에서 f = {expression}</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="740"/>
        <source>Type a number, such as 2.5, -3 or 16/11.</source>
        <translation>2.5, -3, 16/11처럼 숫자를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="743"/>
        <source>✓ Right! The engine gets {value}.</source>
        <translation>✓ 맞았습니다! 엔진의 계산도 {value}입니다.</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="751"/>
        <source>✗ Not quite: {guess} is too high.</source>
        <translation>✗ 아쉽습니다. 정답은 {guess}보다 작습니다.</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="753"/>
        <source>✗ Not quite: {guess} is too low.</source>
        <translation>✗ 아쉽습니다. 정답은 {guess}보다 큽니다.</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="755"/>
        <source>Try again, or press Reveal.</source>
        <translation>다시 해 보거나 ‘정답 보기’를 누르세요.</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="758"/>
        <source>Hint: {hint}</source>
        <translation>힌트: {hint}</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="762"/>
        <source>The engine&apos;s answer: {value}</source>
        <translation>엔진의 답: {value}</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="780"/>
        <source>teaching switches on: {names}</source>
        <translation>켜진 교육용 스위치: {names}</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="783"/>
        <source>Run again</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="783"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="785"/>
        <source>Printed by the engine, just now.</source>
        <translation>방금 엔진이 출력한 결과입니다.</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="787"/>
        <source>Predict first, then run the code to see what the engine prints.</source>
        <translation>먼저 예상한 다음, 코드를 실행해서 엔진이 무엇을 출력하는지 보세요.</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="826"/>
        <source>Change Teaching Switches</source>
        <translation>교육용 스위치 바꾸기</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="879"/>
        <source>Load Example</source>
        <translation>예제 불러오기</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="881"/>
        <source>Replace the formula and variables with this lesson&apos;s example</source>
        <translation>수식과 변수를 이 레슨의 예제로 바꿉니다</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="883"/>
        <source>Predict First</source>
        <translation>먼저 예상하기</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="885"/>
        <source>Work out each answer in your head or on paper, type it, then check.</source>
        <translation>답을 머릿속이나 종이 위에서 먼저 구해 입력한 다음 확인하세요.</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="887"/>
        <source>The Book&apos;s Code, on This Engine</source>
        <translation>책의 코드를 이 엔진으로 실행</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="888"/>
        <source>Teaching Switches</source>
        <translation>교육용 스위치</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="889"/>
        <source>◀ Previous</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="890"/>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="552"/>
        <source>Lessons</source>
        <translation>레슨</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="248"/>
        <source>Formula</source>
        <translation>수식</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="249"/>
        <source>Variables  (◉ = the plot runs along it)</source>
        <translation>변수  (◉ = 플롯의 가로축)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="244"/>
        <source>Drag a slider, or click in the plot to move the point.</source>
        <translation>슬라이더를 끌거나 플롯을 클릭해서 점을 옮겨 보세요.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="504"/>
        <source>Graph</source>
        <translation>그래프</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="254"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="733"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="736"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="258"/>
        <source>Edit &amp;Formula</source>
        <translation>수식 편집(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="255"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="260"/>
        <source>Show f</source>
        <translation>f 보기</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="261"/>
        <source>Show f′ (first derivative)</source>
        <translation>f′ 보기 (1차 미분)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="262"/>
        <source>Show f″ (second derivative)</source>
        <translation>f″ 보기 (2차 미분)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="263"/>
        <source>Show the &amp;Tangent Line</source>
        <translation>접선 보기(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="267"/>
        <source>&amp;Fit Plot to Curves</source>
        <translation>곡선에 맞춰 플롯 보기(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="256"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="268"/>
        <source>&amp;About Autodiff Tutor</source>
        <translation>Autodiff Tutor 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="269"/>
        <source>Open &amp;Lesson…</source>
        <translation>레슨 열기(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="444"/>
        <source>The book&apos;s ideas one at a time, with questions to predict</source>
        <translation>책의 아이디어를 하나씩, 먼저 예측해 보는 질문과 함께</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="493"/>
        <source>Map</source>
        <translation>지도</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="494"/>
        <source>Map &amp; descent: f over two variables, and optimizers walking it</source>
        <translation>지도와 경사하강: 두 변수에 대한 f, 그리고 그 위를 걷는 옵티마이저</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="505"/>
        <source>The graph the engine recorded, and backward step by step</source>
        <translation>엔진이 기록한 그래프와 한 단계씩 보는 역전파</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="514"/>
        <source>Grad check</source>
        <translation>기울기 확인</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="515"/>
        <source>Gradient check: backprop beside central differences</source>
        <translation>기울기 확인: 역전파와 중앙 차분을 나란히</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="525"/>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="526"/>
        <source>Train a small network on data, and watch its gradients</source>
        <translation>작은 신경망을 데이터로 학습시키며 기울기를 지켜보기</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="534"/>
        <source>Jacobian</source>
        <translation>야코비 행렬</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="535"/>
        <source>The Jacobian of several outputs: one pass per row or column</source>
        <translation>출력이 여럿인 수식의 야코비 행렬: 행이나 열 하나에 패스 한 번</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="708"/>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="709"/>
        <source>&amp;System</source>
        <translation>시스템 설정(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="709"/>
        <source>&amp;Light</source>
        <translation>밝게(&amp;L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="709"/>
        <source>&amp;Dark</source>
        <translation>어둡게(&amp;D)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="712"/>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="713"/>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="714"/>
        <source>&amp;Actual Size</source>
        <translation>실제 크기(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="715"/>
        <source>F&amp;ull Screen</source>
        <translation>전체 화면(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="717"/>
        <source>&amp;Backward Step by Step</source>
        <translation>역전파 한 단계씩(&amp;B)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="719"/>
        <source>Step &amp;Forward</source>
        <translation>다음 단계(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="720"/>
        <source>Step &amp;Back</source>
        <translation>이전 단계(&amp;B)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="721"/>
        <source>&amp;Play / Pause</source>
        <translation>재생 / 일시정지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="722"/>
        <source>&amp;Restart</source>
        <translation>처음으로(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="723"/>
        <source>&amp;Finish</source>
        <translation>끝까지(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="733"/>
        <source>&amp;Undo {what}</source>
        <translation>실행 취소(&amp;U): {what}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="736"/>
        <source>&amp;Redo {what}</source>
        <translation>다시 실행(&amp;R): {what}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="757"/>
        <source>untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="770"/>
        <source>About Autodiff Tutor</source>
        <translation>Autodiff Tutor 정보</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="772"/>
        <source>&lt;h3&gt;Autodiff Tutor&lt;/h3&gt;&lt;p&gt;Build a formula, move its variables, and watch the value, every partial derivative and the plot of f, f′ and f″ follow.&lt;/p&gt;&lt;p&gt;The numbers come from a small reverse-mode automatic differentiation engine in the style of &lt;i&gt;Deep Learning from Scratch 3&lt;/i&gt; (DeZero).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Autodiff Tutor&lt;/h3&gt;&lt;p&gt;수식을 만들고 변수를 움직이면 함숫값, 모든 편미분, 그리고 f, f′, f″의 플롯이 따라 움직입니다.&lt;/p&gt;&lt;p&gt;숫자는 &lt;i&gt;밑바닥부터 시작하는 딥러닝 3&lt;/i&gt;(DeZero) 스타일로 만든 작은 역방향 자동 미분 엔진이 계산합니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../panels/descent/map_panel.py" line="289"/>
        <source>Variable along the horizontal axis</source>
        <translation>가로축 변수</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="290"/>
        <source>Variable along the vertical axis</source>
        <translation>세로축 변수</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="294"/>
        <source>Grid points per axis; the whole grid is one vectorized forward and backward pass</source>
        <translation>축마다 격자점의 수. 격자 전체를 벡터화된 순전파와 역전파 한 번으로 계산합니다</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="85"/>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="85"/>
        <source>Linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="85"/>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="300"/>
        <source>Colour scale: a log scale shows the floor of deep valleys (Rosenbrock)</source>
        <translation>색 눈금: 로그 눈금을 쓰면 깊은 골짜기의 바닥이 보입니다(로젠브록)</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="285"/>
        <source>Horizontal</source>
        <translation>가로</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="286"/>
        <source>Vertical</source>
        <translation>세로</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="287"/>
        <source>Grid</source>
        <translation>격자</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="288"/>
        <source>Colours</source>
        <translation>색</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="291"/>
        <source>Grid points per axis</source>
        <translation>축마다 격자점 수</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="292"/>
        <source>Map of f: drag or click to move the point</source>
        <translation>f의 지도: 끌거나 클릭해 점을 옮기세요</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="303"/>
        <source>The map needs an expression with two or more variables, e.g. x^2 - y^2.</source>
        <translation>지도를 보려면 변수가 두 개 이상인 수식이 필요합니다. 예: x^2 - y^2</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="306"/>
        <source>&lt;span style=&quot;color:{g}&quot;&gt;━▶&lt;/span&gt; ∇f points uphill &amp;nbsp; &lt;span style=&quot;color:#444&quot;&gt;━▷&lt;/span&gt; −∇f, the direction of steepest descent&lt;br&gt;Drag or click the map to move the point.</source>
        <translation>&lt;span style=&quot;color:{g}&quot;&gt;━▶&lt;/span&gt; ∇f는 오르막을 가리킵니다 &amp;nbsp; &lt;span style=&quot;color:#444&quot;&gt;━▷&lt;/span&gt; −∇f는 가장 가파른 내리막 방향입니다&lt;br&gt;지도를 끌거나 클릭해서 점을 옮기세요.</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="328"/>
        <source>Map axes {x}, {y}</source>
        <translation>지도 축 {x}, {y}</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="426"/>
        <source>Map grid {n} × {n}</source>
        <translation>지도 격자 {n} × {n}</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="430"/>
        <source>Map colours: {scale}</source>
        <translation>지도 색: {scale}</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="584"/>
        <source>f({x}, {y})</source>
        <translation>f({x}, {y})</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="738"/>
        <source>holding {values}</source>
        <translation>{values} 고정</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="586"/>
        <source>(log colour scale)</source>
        <translation>(로그 색 눈금)</translation>
    </message>
    <message>
        <location filename="../panels/descent/map_panel.py" line="721"/>
        <source>at ({x}, {y}) = ({px}, {py}): f = &lt;b&gt;{f}&lt;/b&gt;&lt;br&gt;&lt;span style=&quot;color:{gc}&quot;&gt;∇f&lt;/span&gt; = (∂f/∂{x}, ∂f/∂{y}) = (&lt;b&gt;{gx}&lt;/b&gt;, &lt;b&gt;{gy}&lt;/b&gt;), |∇f| = {norm}</source>
        <translation>({x}, {y}) = ({px}, {py})에서: f = &lt;b&gt;{f}&lt;/b&gt;&lt;br&gt;&lt;span style=&quot;color:{gc}&quot;&gt;∇f&lt;/span&gt; = (∂f/∂{x}, ∂f/∂{y}) = (&lt;b&gt;{gx}&lt;/b&gt;, &lt;b&gt;{gy}&lt;/b&gt;), |∇f| = {norm}</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <location filename="../../tutor/session.py" line="114"/>
        <source>{where}: missing &apos;{key}&apos;</source>
        <translation>{where}: &apos;{key}&apos;가 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="118"/>
        <source>{where}: &apos;{key}&apos; must be a number, got {value}</source>
        <translation>{where}: &apos;{key}&apos;는 숫자여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="131"/>
        <source>{where}: &apos;{key}&apos; must be a finite number, got {v}</source>
        <translation>{where}: &apos;{key}&apos;는 유한한 수여야 하는데 {v}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="70"/>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="72"/>
        <source>{file}, line {line}: {problem}</source>
        <translation>{file}, {line}번째 줄: {problem}</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="96"/>
        <source>is a link to {target}, outside the lesson folder</source>
        <translation>레슨 폴더 밖의 {target}을(를) 가리키는 링크입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="99"/>
        <source>is missing</source>
        <translation>없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="101"/>
        <source>is not a file</source>
        <translation>파일이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="110"/>
        <source>cannot be read: {reason}</source>
        <translation>읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="118"/>
        <source>is not UTF-8 text</source>
        <translation>UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="122"/>
        <source>is too big ({size:,.0f} KB; at most {limit} KB)</source>
        <translation>너무 큽니다({size:,.0f} KB, 최대 {limit} KB)</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="181"/>
        <source>is not valid TOML: {message}</source>
        <translation>올바른 TOML이 아닙니다: {message}</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="198"/>
        <source>{key}: {problem}</source>
        <translation>{key}: {problem}</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="216"/>
        <location filename="../../tutor/session.py" line="143"/>
        <source>text</source>
        <translation>글자</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="218"/>
        <location filename="../../tutor/session.py" line="145"/>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="220"/>
        <source>a table</source>
        <translation>테이블</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="226"/>
        <source> (did you mean &apos;{name}&apos;?)</source>
        <translation> (&apos;{name}&apos;을(를) 뜻했나요?)</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="240"/>
        <source>must be a table, not {value}</source>
        <translation>테이블이어야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="243"/>
        <source>the top level</source>
        <translation>맨 위</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="246"/>
        <source>unknown key &apos;{key}&apos; in {where}{suggestion}</source>
        <translation>{where}에 알 수 없는 키 &apos;{key}&apos;{suggestion}</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="257"/>
        <location filename="../../tutor/lessons/loader.py" line="258"/>
        <source>&apos;{key}&apos; is missing</source>
        <translation>&apos;{key}&apos;가 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="263"/>
        <location filename="../../tutor/lessons/loader.py" line="392"/>
        <source>must be text, not {value}</source>
        <translation>글자여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="265"/>
        <location filename="../../tutor/lessons/loader.py" line="753"/>
        <source>is empty</source>
        <translation>비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="269"/>
        <source>is too long ({count:,} characters; at most {limit:,})</source>
        <translation>너무 깁니다({count:,}자, 최대 {limit:,}자)</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="283"/>
        <source>the text in &apos;{language}&apos; is missing</source>
        <translation>&apos;{language}&apos; 텍스트가 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="289"/>
        <source>must be a number, not {value}</source>
        <translation>숫자여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="291"/>
        <source>must be a finite number, not {value}</source>
        <translation>유한한 수여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="297"/>
        <source>must be a whole number, not {value}</source>
        <translation>정수여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="302"/>
        <source>must be between {lo} and {hi:,}, not {value}</source>
        <translation>{lo}에서 {hi:,} 사이여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="311"/>
        <source>&apos;{value}&apos; is not a valid id: use lowercase letters, digits and &apos;-&apos; (such as &apos;chain-rule&apos;)</source>
        <translation>&apos;{value}&apos;는 올바른 id가 아닙니다: 영어 소문자, 숫자, &apos;-&apos;만 쓰세요(예: &apos;chain-rule&apos;)</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="323"/>
        <source>must be a list of teaching switches, not {value}</source>
        <translation>교육용 스위치의 목록이어야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="332"/>
        <source>unknown teaching switch {sid!r}{suggestion} (known: {known})</source>
        <translation>알 수 없는 교육용 스위치 {sid!r}{suggestion}(사용 가능: {known})</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="342"/>
        <source>the teaching switch &apos;{sid}&apos; is not offered by this lesson (list it in &apos;switches&apos; at the top)</source>
        <translation>교육용 스위치 &apos;{sid}&apos;는 이 레슨이 제공하지 않습니다(맨 위의 &apos;switches&apos;에 넣으세요)</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="349"/>
        <source>&apos;{sid}&apos; is listed twice</source>
        <translation>&apos;{sid}&apos;가 두 번 나옵니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="360"/>
        <source>the formula &apos;{text}&apos; does not parse: {message} (column {column})</source>
        <translation>수식 &apos;{text}&apos;을(를) 해석할 수 없습니다: {message}({column}번째 열)</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="383"/>
        <source>must be a list, not {value}</source>
        <translation>목록이어야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="400"/>
        <source>the value {value:g} of &apos;{name}&apos; is outside {min:g}…{max:g}</source>
        <translation>&apos;{name}&apos;의 값 {value:g}가 {min:g}…{max:g} 밖에 있습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="430"/>
        <source>must be a list of curve names, not {value}</source>
        <translation>곡선 이름의 목록이어야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="436"/>
        <source>unknown curve {curve!r} (known: {known})</source>
        <translation>알 수 없는 곡선 {curve!r}(사용 가능: {known})</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="457"/>
        <source>must be more than 0 and less than 1</source>
        <translation>0보다 크고 1보다 작아야 합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="462"/>
        <source>must not be negative</source>
        <translation>음수이면 안 됩니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="469"/>
        <source>has both &apos;{demo_key}&apos; (a number a demo prints) and &apos;{formula_key}&apos; (a quantity of a formula): choose one</source>
        <translation>&apos;{demo_key}&apos;(데모가 출력하는 값)와 &apos;{formula_key}&apos;(수식에서 구하는 값)가 모두 있습니다: 하나만 고르세요</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="483"/>
        <source>needs either &apos;line&apos; (the answer is a number the demo prints) or &apos;quantity&apos; (the answer is computed from a formula, such as quantity = &quot;df/dx&quot;)</source>
        <translation>&apos;line&apos;(데모가 출력하는 값이 답) 또는 &apos;quantity&apos;(수식에서 계산한 값이 답, 예: quantity = &quot;df/dx&quot;) 중 하나가 필요합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="501"/>
        <source>asks for a number a demo prints, but neither the question nor the lesson names a demo</source>
        <translation>데모가 출력하는 값을 묻지만, 질문에도 레슨에도 데모 이름이 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="526"/>
        <source>no value for {names}: give one with at = {{ {name} = 1.0 }}</source>
        <translation>{names}의 값이 없습니다: at = {{ {name} = 1.0 }}처럼 주세요</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="537"/>
        <source>&apos;{raw_quantity}&apos; is not a quantity: write f, df/dx or d2f/dx2 (with the formula&apos;s variable for x)</source>
        <translation>&apos;{raw_quantity}&apos;는 구할 수 있는 값이 아닙니다: f, df/dx 또는 d2f/dx2로 쓰세요(x 자리에는 수식의 변수)</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="548"/>
        <source>the formula &apos;{text}&apos; has no variable &apos;{variable}&apos; (its variables: {known})</source>
        <translation>수식 &apos;{text}&apos;에는 변수 &apos;{variable}&apos;가 없습니다(변수: {known})</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="567"/>
        <source>the demo &apos;{demo}&apos; prints {count} lines, so there is no line {line}</source>
        <translation>데모 &apos;{demo}&apos;는 {count}줄만 출력하므로 {line}번째 줄이 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="579"/>
        <source>line {line} of the demo (&apos;{printed}&apos;) has {count} item(s), so there is no item {item}</source>
        <translation>데모의 {line}번째 줄(&apos;{printed}&apos;)에는 항목이 {count}개뿐이라 {item}번째 항목이 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="591"/>
        <source>item {item} of line {line} (&apos;{printed}&apos;) is not a number</source>
        <translation>{line}번째 줄의 {item}번째 항목(&apos;{printed}&apos;)은 숫자가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="604"/>
        <source>{quantity} of &apos;{formula}&apos; at {point} is {value}, not a finite number: choose another point</source>
        <translation>{point}에서 &apos;{formula}&apos;의 {quantity}는 {value}로 유한한 수가 아닙니다: 다른 점을 고르세요</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="609"/>
        <source>no point</source>
        <translation>점 없음</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="620"/>
        <source>unknown demo &apos;{demo}&apos;{suggestion}: a lesson can only name a built-in demo ({known})</source>
        <translation>알 수 없는 데모 &apos;{demo}&apos;{suggestion}: 레슨은 기본 데모만 쓸 수 있습니다({known})</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="659"/>
        <source>images are not supported in a lesson&apos;s text</source>
        <translation>레슨 본문에는 그림을 넣을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="670"/>
        <source>unknown view &apos;{view}&apos;{suggestion} in the link &apos;{target}&apos; (views: {known})</source>
        <translation>링크 &apos;{target}&apos;에 알 수 없는 보기 &apos;{view}&apos;{suggestion}(보기: {known})</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="682"/>
        <source>the link &apos;{target}&apos; goes nowhere a lesson can send a learner: link to a view (view:graph, view:plot, ...) or to a web page (https://...)</source>
        <translation>링크 &apos;{target}&apos;는 레슨이 학습자를 보낼 수 있는 곳이 아닙니다: 보기(view:graph, view:plot, ...)나 웹 페이지(https://...)로 연결하세요</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="705"/>
        <source>is not a folder</source>
        <translation>폴더가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="725"/>
        <source>must be a list of [[questions]] tables</source>
        <translation>[[questions]] 테이블의 목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="729"/>
        <source>has {count} questions; at most {limit}</source>
        <translation>질문이 {count}개입니다. 최대 {limit}개까지 쓸 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="744"/>
        <source>two questions have the id &apos;{id}&apos;</source>
        <translation>두 질문의 id가 &apos;{id}&apos;로 같습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="147"/>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/loader.py" line="214"/>
        <location filename="../../tutor/session.py" line="149"/>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="156"/>
        <source>variable</source>
        <translation>변수</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="160"/>
        <source>{where}: {shown} is not a valid variable name</source>
        <translation>{where}: {shown}은(는) 올바른 변수 이름이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="164"/>
        <source>{where}: the name is too long ({count} characters; at most {limit})</source>
        <translation>{where}: 이름이 너무 깁니다({count}자, 최대 {limit}자)</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="177"/>
        <source>{where}: &apos;{name}&apos; is a reserved name (a function or a constant)</source>
        <translation>{where}: &apos;{name}&apos;은(는) 예약된 이름입니다(함수 또는 상수)</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="188"/>
        <location filename="../../tutor/session.py" line="759"/>
        <source>the file</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="189"/>
        <source>{where} has no &apos;{key}&apos;</source>
        <translation>{where}에 &apos;{key}&apos;가 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="198"/>
        <source>variable &apos;{name}&apos;: {label} must be finite, got {v}</source>
        <translation>변수 &apos;{name}&apos;: {label}은(는) 유한한 수여야 하는데 {v}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="207"/>
        <source>variable &apos;{name}&apos;: range {lo:g}…{hi:g} is too large (slider ends must lie within ±{bound:g})</source>
        <translation>변수 &apos;{name}&apos;: 범위 {lo:g}…{hi:g}가 너무 큽니다(슬라이더 양 끝이 ±{bound:g} 안에 있어야 합니다)</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="218"/>
        <source>variable &apos;{name}&apos;: min ({lo:g}) must be less than max ({hi:g})</source>
        <translation>변수 &apos;{name}&apos;: min({lo:g})은 max({hi:g})보다 작아야 합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="227"/>
        <source>variable &apos;{name}&apos;: step must be positive, got {step:g}</source>
        <translation>변수 &apos;{name}&apos;: 간격은 양수여야 하는데 {step:g}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="231"/>
        <source>variable &apos;{name}&apos;: step {step:g} is too fine for the range {lo:g}…{hi:g} (at most {limit:,} steps)</source>
        <translation>변수 &apos;{name}&apos;: 범위 {lo:g}…{hi:g}에 비해 간격 {step:g}가 너무 촘촘합니다(최대 {limit:,}칸)</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="294"/>
        <location filename="../../tutor/session.py" line="731"/>
        <source>too many variables (at most {limit})</source>
        <translation>변수가 너무 많습니다(최대 {limit}개)</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="309"/>
        <source>variable &apos;{name}&apos;: value must be finite, got {value}</source>
        <translation>변수 &apos;{name}&apos;: 값은 유한한 수여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="338"/>
        <source>unknown curve &apos;{c}&apos; (known: {value})</source>
        <translation>알 수 없는 곡선 &apos;{c}&apos;(사용 가능: {value})</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="383"/>
        <source>unknown panel {key!r} (known: {value})</source>
        <translation>알 수 없는 패널 {key!r}(사용 가능: {value})</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="389"/>
        <location filename="../../tutor/session.py" line="626"/>
        <source>&apos;{key}&apos; is too large</source>
        <translation>&apos;{key}&apos;가 너무 큽니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="455"/>
        <source>not a session file: the top level is {value}, not an object</source>
        <translation>세션 파일이 아닙니다: 맨 바깥이 객체가 아니라 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="462"/>
        <source>not a session file: &apos;format&apos; must be &quot;{tag}&quot;</source>
        <translation>세션 파일이 아닙니다: &apos;format&apos;이 &quot;{tag}&quot;여야 합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="467"/>
        <source>&apos;version&apos; must be a whole number, got {value}</source>
        <translation>&apos;version&apos;은 정수여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="471"/>
        <source>this file is version {version}, newer than this app reads (version {ours}); please update Autodiff Tutor</source>
        <translation>이 파일은 버전 {version}으로, 이 앱이 읽을 수 있는 버전({ours})보다 새롭습니다. Autodiff Tutor를 업데이트하세요</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="479"/>
        <source>unknown session version {version}</source>
        <translation>알 수 없는 세션 버전 {version}</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="484"/>
        <source>&apos;expression&apos; must be text, got {value}</source>
        <translation>&apos;expression&apos;은 글자여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="491"/>
        <source>the expression does not parse: {reason}</source>
        <translation>수식을 해석할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="634"/>
        <location filename="../../tutor/session.py" line="692"/>
        <source>the file is too large ({size:.1f} MB; at most 10 MB)</source>
        <translation>파일이 너무 큽니다({size:.1f} MB, 최대 10 MB)</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="668"/>
        <source>{where} holds text that is not valid Unicode (a lone surrogate such as \ud800), which could not be saved again</source>
        <translation>{where}에 올바른 유니코드가 아닌 텍스트(\ud800 같은 짝 없는 서로게이트)가 있어 다시 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="688"/>
        <source>{path!r} is {kind}, not a session file</source>
        <translation>{path!r}은(는) 세션 파일이 아니라 {kind}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="696"/>
        <source>its symbolic links lead round in a loop</source>
        <translation>심볼릭 링크가 순환합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="700"/>
        <source>cannot read {path!r}: {reason}</source>
        <translation>{path!r}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="497"/>
        <source>&apos;variables&apos; must be a list, got {value}</source>
        <translation>&apos;variables&apos;는 목록이어야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="501"/>
        <source>too many variables ({count}; at most {limit})</source>
        <translation>변수가 너무 많습니다({count}개, 최대 {limit}개)</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="509"/>
        <source>variable #{number}</source>
        <translation>{number}번째 변수</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="512"/>
        <source>{where} must be an object, got {value}</source>
        <translation>{where}은(는) 객체여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="518"/>
        <source>variable &apos;{name}&apos; is listed twice</source>
        <translation>변수 &apos;{name}&apos;이(가) 두 번 나옵니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="519"/>
        <source>variable &apos;{name}&apos;</source>
        <translation>변수 &apos;{name}&apos;</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="529"/>
        <source>variable &apos;{name}&apos;: value {value:g} was outside {lo:g}…{hi:g} and was set to {new:g}</source>
        <translation>변수 &apos;{name}&apos;: 값 {value:g}이(가) {lo:g}…{hi:g} 밖에 있어서 {new:g}(으)로 맞췄습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="556"/>
        <source>too many variables ({count}, counting those the expression uses; at most {limit})</source>
        <translation>변수가 너무 많습니다(수식이 쓰는 변수를 포함해 {count}개, 최대 {limit}개)</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="568"/>
        <source>&apos;sweep&apos; must be an object, got {value}</source>
        <translation>&apos;sweep&apos;은 객체여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="572"/>
        <source>&apos;sweep&apos;: &apos;variable&apos; must name one of the variables</source>
        <translation>&apos;sweep&apos;: &apos;variable&apos;은 변수 중 하나의 이름이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="577"/>
        <source>&apos;sweep&apos;: range {lo:g}…{hi:g} is too large (its ends must lie within ±{bound:g})</source>
        <translation>&apos;sweep&apos;: 범위 {lo:g}…{hi:g}가 너무 큽니다(양 끝이 ±{bound:g} 안에 있어야 합니다)</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="587"/>
        <source>&apos;sweep&apos;: min ({lo:g}) must be less than max ({hi:g})</source>
        <translation>&apos;sweep&apos;: min({lo:g})은 max({hi:g})보다 작아야 합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="591"/>
        <source>&apos;sweep&apos;: &apos;points&apos; must be a whole number</source>
        <translation>&apos;sweep&apos;: &apos;points&apos;는 정수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="594"/>
        <source>&apos;sweep&apos;: &apos;points&apos; must be between {low} and {high:,}</source>
        <translation>&apos;sweep&apos;: &apos;points&apos;는 {low}에서 {high:,} 사이여야 합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="607"/>
        <source>&apos;curves&apos; must be a list of curve names</source>
        <translation>&apos;curves&apos;는 곡선 이름의 목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="615"/>
        <source>&apos;{key}&apos; must be an object, got {value}</source>
        <translation>&apos;{key}&apos;는 객체여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="642"/>
        <source>the file is not UTF-8 text</source>
        <translation>파일이 UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="645"/>
        <source>the file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="649"/>
        <source>the file is nested too deeply to be a session</source>
        <translation>파일이 너무 깊게 중첩되어 있어 세션일 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="652"/>
        <source>not valid JSON (line {lineno}, column {colno}: {msg})</source>
        <translation>올바른 JSON이 아닙니다({lineno}번째 줄, {colno}번째 열: {msg})</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="663"/>
        <source>not a session file: a number in it has far too many digits</source>
        <translation>세션 파일이 아닙니다: 자릿수가 지나치게 많은 숫자가 들어 있습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="719"/>
        <source>the session holds text that cannot be saved (not valid Unicode)</source>
        <translation>세션에 저장할 수 없는 텍스트(올바르지 않은 유니코드)가 있습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/session.py" line="778"/>
        <source>the file contains {name}, which is not a number a session can hold</source>
        <translation>파일에 세션이 담을 수 없는 값 {name}이(가) 들어 있습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/descent.py" line="347"/>
        <source>Converged after {n} steps: the step became negligibly small.</source>
        <translation>{n}단계 만에 수렴했습니다: 갱신 폭이 무시할 만큼 작아졌습니다.</translation>
    </message>
    <message>
        <location filename="../../tutor/descent.py" line="349"/>
        <source>Stopped at step {n}: f″ = 0 here, so Newton&apos;s step is undefined.</source>
        <translation>{n}단계에서 멈췄습니다: 여기서 f″ = 0이라 뉴턴 방법의 갱신을 정의할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../tutor/descent.py" line="351"/>
        <source>Stopped at step {n}: the next step leaves the slider range of {name}.</source>
        <translation>{n}단계에서 멈췄습니다: 다음 갱신이 {name}의 슬라이더 범위를 벗어납니다.</translation>
    </message>
    <message>
        <location filename="../../tutor/descent.py" line="357"/>
        <source>Diverged at step {n}: f went up at each of the last {k} steps. Try a smaller learning rate.</source>
        <translation>{n}단계에서 발산했습니다: 최근 {k}단계 동안 f가 계속 커졌습니다. 학습률을 줄여 보세요.</translation>
    </message>
    <message>
        <location filename="../../tutor/descent.py" line="364"/>
        <source>Diverged at step {n}: f went up and the next step leaves the slider range of {name}. Try a smaller learning rate.</source>
        <translation>{n}단계에서 발산했습니다: f가 커졌고 다음 갱신이 {name}의 슬라이더 범위를 벗어납니다. 학습률을 줄여 보세요.</translation>
    </message>
    <message>
        <location filename="../../tutor/descent.py" line="371"/>
        <source>Diverged at step {n}: the point ran away beyond ±{limit:g}. Try a smaller learning rate.</source>
        <translation>{n}단계에서 발산했습니다: 점이 ±{limit:g} 밖으로 달아났습니다. 학습률을 줄여 보세요.</translation>
    </message>
    <message>
        <location filename="../../tutor/descent.py" line="378"/>
        <source>Cannot start here: f or its derivative is not finite at this point.</source>
        <translation>여기서는 시작할 수 없습니다: 이 점에서 f나 그 미분이 유한하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../tutor/descent.py" line="379"/>
        <source>Diverged at step {n}: values became infinite or undefined. Try a smaller learning rate.</source>
        <translation>{n}단계에서 발산했습니다: 값이 무한대가 되거나 정의되지 않습니다. 학습률을 줄여 보세요.</translation>
    </message>
    <message>
        <location filename="../../tutor/evaluation.py" line="129"/>
        <source>f is not finite at this point ({value})</source>
        <translation>이 점에서 f가 유한하지 않습니다({value})</translation>
    </message>
    <message>
        <location filename="../../tutor/evaluation.py" line="134"/>
        <source>∂f/∂{name} is not finite at this point ({value})</source>
        <translation>이 점에서 ∂f/∂{name}가 유한하지 않습니다({value})</translation>
    </message>
    <message>
        <location filename="../../tutor/evaluation.py" line="228"/>
        <source>{curve} is undefined or infinite at {bad} of {points} points along {name}</source>
        <translation>{name}를 따라 {points}개 점 중 {bad}개에서 {curve}가 정의되지 않거나 무한대입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/evaluation.py" line="249"/>
        <source>the plot uses {points:,} of the sweep&apos;s {requested:,} points: {functions:,} recorded operations × {requested:,} points would be more work than the budget of {budget:,} node-points</source>
        <translation>그래프는 스윕의 점 {requested:,}개 중 {points:,}개만 씁니다: 기록된 연산 {functions:,}개 × 점 {requested:,}개는 작업 예산 {budget:,} 노드·점을 넘습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/evaluation.py" line="270"/>
        <location filename="../../main.py" line="198"/>
        <source>the sweep</source>
        <translation>스윕</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/catalog.py" line="36"/>
        <source>the id &apos;{id}&apos; is also the id of {name}</source>
        <translation>id &apos;{id}&apos;는 {name}의 id이기도 합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/lessons/catalog.py" line="85"/>
        <source>the id &apos;{id}&apos; belongs to a built-in lesson: give this one an id of its own</source>
        <translation>id &apos;{id}&apos;는 기본 레슨의 id입니다: 이 레슨에는 다른 id를 주세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="142"/>
        <source>write only the formula, e.g. x^2 + 1</source>
        <translation>x^2 + 1처럼 수식만 쓰세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="143"/>
        <source>write sqrt(x)</source>
        <translation>sqrt(x)로 쓰세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="144"/>
        <source>write abs(x)</source>
        <translation>abs(x)로 쓰세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="145"/>
        <source>use ( and ) for grouping</source>
        <translation>묶을 때는 (와 )를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="146"/>
        <source>write powers with ^, e.g. x^2</source>
        <translation>거듭제곱은 x^2처럼 ^로 쓰세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="630"/>
        <source>number &apos;{number}&apos; is too large</source>
        <translation>숫자 &apos;{number}&apos;가 너무 큽니다</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="648"/>
        <source>a &apos;.&apos; must be part of a number, e.g. 0.5</source>
        <translation>&apos;.&apos;은 0.5처럼 숫자 안에만 쓸 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="652"/>
        <source>unknown character {ch!r} — {hint}</source>
        <translation>알 수 없는 문자 {ch!r} — {hint}</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="653"/>
        <source>unknown character {ch!r}</source>
        <translation>알 수 없는 문자 {ch!r}</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="886"/>
        <source>&apos;{before} {after}&apos; — did you mean {suggestion}({after})?</source>
        <translation>&apos;{before} {after}&apos; — {suggestion}({after})을(를) 뜻했나요?</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="896"/>
        <source>&apos;{name}&apos; is not a function; the functions are {functions}</source>
        <translation>&apos;{name}&apos;은(는) 함수가 아닙니다. 쓸 수 있는 함수: {functions}</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="1045"/>
        <source>&apos;,&apos; outside parentheses — write several outputs as a tuple: ({text})</source>
        <translation>괄호 밖의 &apos;,&apos; — 출력이 여러 개이면 튜플로 쓰세요: ({text})</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="1053"/>
        <source>&apos;,&apos; inside a formula — a tuple of outputs (a, b) must be the whole formula</source>
        <translation>식 안의 &apos;,&apos; — 출력 튜플 (a, b)는 식 전체여야 합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="1206"/>
        <source>this formula has {count} outputs (a tuple), but one f is expected here — write a single formula, e.g. {first}</source>
        <translation>이 식은 출력이 {count}개(튜플)이지만 여기서는 f가 하나여야 합니다 — 식 하나만 쓰세요. 예: {first}</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="798"/>
        <source>parentheses nested deeper than {limit} levels</source>
        <translation>괄호가 {limit}단계보다 깊게 중첩되었습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="815"/>
        <source>a tuple of outputs (a, b) must be the whole formula — nothing may follow its &apos;)&apos;</source>
        <translation>출력 튜플 (a, b)는 식 전체여야 합니다 — &apos;)&apos; 뒤에는 아무것도 올 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="832"/>
        <source>&apos;{name}&apos; needs 1 argument, got {count}</source>
        <translation>&apos;{name}&apos;에는 인수가 1개 필요한데 {count}개입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="841"/>
        <source> after &apos;{text}&apos;</source>
        <translation> &apos;{text}&apos; 다음에</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="847"/>
        <source>the expression is empty</source>
        <translation>수식이 비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="849"/>
        <source>unexpected end of expression — expected a number or name{after}</source>
        <translation>수식이 뜻밖에 끝났습니다 — {after} 숫자나 이름이 와야 합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="857"/>
        <source>expected a number or name before &apos;{text}&apos;</source>
        <translation>&apos;{text}&apos; 앞에 숫자나 이름이 와야 합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="860"/>
        <source>expected a number or name{after}, got &apos;{text}&apos;</source>
        <translation>{after} 숫자나 이름이 와야 하는데 &apos;{text}&apos;가 왔습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="874"/>
        <source>two numbers side by side: &apos;{before}&apos; and &apos;{after}&apos; — put an operator between them</source>
        <translation>숫자 &apos;{before}&apos;와 &apos;{after}&apos;가 나란히 있습니다 — 사이에 연산자를 넣으세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="904"/>
        <source>missing operator between &apos;{before}&apos; and &apos;{after}&apos; — write {before}*{after}</source>
        <translation>&apos;{before}&apos;와 &apos;{after}&apos; 사이에 연산자가 없습니다 — {before}*{after}로 쓰세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="912"/>
        <source>missing operator before &apos;{after}&apos; — write * to multiply</source>
        <translation>&apos;{after}&apos; 앞에 연산자가 없습니다 — 곱하려면 *를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="957"/>
        <source>&apos;{name} {argument}&apos; — write {name}({argument})</source>
        <translation>&apos;{name} {argument}&apos; — {name}({argument})로 쓰세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="963"/>
        <source>&apos;{name}&apos; is a function — write it with parentheses, e.g. {name}(x)</source>
        <translation>&apos;{name}&apos;는 함수입니다 — {name}(x)처럼 괄호를 붙여 쓰세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="990"/>
        <source>&apos;{name}&apos; is a constant, not a function — to multiply, write {name}*({argument})</source>
        <translation>&apos;{name}&apos;은(는) 함수가 아니라 상수입니다 — 곱하려면 {name}*({argument})로 쓰세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="996"/>
        <source>&apos;{name}&apos; is not a function — did you mean {suggestion}({argument})? To multiply, write {name}*({argument})</source>
        <translation>&apos;{name}&apos;은(는) 함수가 아닙니다 — {suggestion}({argument})을(를) 뜻했나요? 곱하려면 {name}*({argument})로 쓰세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="1004"/>
        <source>&apos;{name}&apos; is not a function — to multiply, write {name}*({argument}); the functions are {functions}</source>
        <translation>&apos;{name}&apos;은(는) 함수가 아닙니다 — 곱하려면 {name}*({argument})로 쓰세요. 쓸 수 있는 함수: {functions}</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="1012"/>
        <source>&apos;{name}&apos; is not a function — to multiply, write {name}*({argument})</source>
        <translation>&apos;{name}&apos;은(는) 함수가 아닙니다 — 곱하려면 {name}*({argument})로 쓰세요</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="1037"/>
        <source>unmatched &apos;)&apos; — there is no &apos;(&apos; before it</source>
        <translation>짝이 없는 &apos;)&apos; — 앞에 &apos;(&apos;가 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="1087"/>
        <source>missing &apos;)&apos; for the &apos;(&apos; at column {column}</source>
        <translation>{column}번째 열의 &apos;(&apos;에 맞는 &apos;)&apos;가 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/formula.py" line="1109"/>
        <source>the expression is too long: {count:,} characters (the limit is {limit:,})</source>
        <translation>수식이 너무 깁니다: {count:,}자(최대 {limit:,}자)</translation>
    </message>
    <message>
        <location filename="../../tutor/budget.py" line="74"/>
        <source>{what} is too much work: {functions:,} recorded operations × {points:,} points = {work:,} node-points, more than the budget of {budget:,}; at most {fit:,} points would fit</source>
        <translation>{what}의 작업이 너무 많습니다: 기록된 연산 {functions:,}개 × 점 {points:,}개 = {work:,} 노드·점으로 예산 {budget:,}을 넘습니다. 점은 최대 {fit:,}개까지 됩니다</translation>
    </message>
    <message>
        <location filename="../../tutor/files.py" line="38"/>
        <source>a folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <location filename="../../tutor/files.py" line="40"/>
        <source>a named pipe (FIFO)</source>
        <translation>이름 있는 파이프(FIFO)</translation>
    </message>
    <message>
        <location filename="../../tutor/files.py" line="42"/>
        <source>a character device</source>
        <translation>문자 장치</translation>
    </message>
    <message>
        <location filename="../../tutor/files.py" line="44"/>
        <source>a block device</source>
        <translation>블록 장치</translation>
    </message>
    <message>
        <location filename="../../tutor/files.py" line="46"/>
        <source>a socket</source>
        <translation>소켓</translation>
    </message>
    <message>
        <location filename="../../tutor/files.py" line="47"/>
        <source>not a regular file</source>
        <translation>일반 파일이 아닌 것</translation>
    </message>
    <message>
        <location filename="../../tutor/gradient_check.py" line="32"/>
        <source>the gradient check</source>
        <translation>기울기 검사</translation>
    </message>
    <message>
        <location filename="../../tutor/grid.py" line="122"/>
        <source>the map&apos;s grid</source>
        <translation>지도의 격자</translation>
    </message>
    <message>
        <location filename="../../tutor/grid.py" line="123"/>
        <source>the map uses a {fit}×{fit} grid instead of {n}×{n}: {functions:,} recorded operations × {points:,} points would be more work than the budget of {budget:,} node-points</source>
        <translation>지도는 {n}×{n} 대신 {fit}×{fit} 격자를 씁니다: 기록된 연산 {functions:,}개 × 점 {points:,}개는 작업 예산 {budget:,} 노드·점을 넘습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/training.py" line="145"/>
        <source>the target is longer than {n} characters</source>
        <translation>목표 식이 {n}자보다 깁니다</translation>
    </message>
    <message>
        <location filename="../../tutor/training.py" line="153"/>
        <source>the target may use only x, not {names}</source>
        <translation>목표 식에는 x만 쓸 수 있습니다({names}는 안 됩니다)</translation>
    </message>
    <message>
        <location filename="../../tutor/training.py" line="159"/>
        <source>the target is not finite at every x in [0, 1)</source>
        <translation>목표 식이 [0, 1)의 모든 x에서 유한하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/nan_origin.py" line="47"/>
        <source>the first operation whose result was not finite is {op}: {why}</source>
        <translation>결과가 처음으로 유한하지 않게 된 연산은 {op}입니다: {why}</translation>
    </message>
    <message>
        <location filename="../../tutor/nan_origin.py" line="51"/>
        <source>the first operation whose gradient was not finite is {op} (backward step {step}): {why}</source>
        <translation>기울기가 처음으로 유한하지 않게 된 연산은 {op}입니다 (역전파 {step}단계): {why}</translation>
    </message>
    <message>
        <location filename="../../tutor/nan_origin.py" line="79"/>
        <source>log got {x}: log is undefined for x ≤ 0</source>
        <translation>log에 {x}이(가) 들어왔습니다: log는 x ≤ 0에서 정의되지 않습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/nan_origin.py" line="81"/>
        <source>sqrt got {x}: sqrt is undefined for x &lt; 0</source>
        <translation>sqrt에 {x}이(가) 들어왔습니다: sqrt는 x &lt; 0에서 정의되지 않습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/nan_origin.py" line="84"/>
        <source>div got {x} ÷ {d}: dividing by 0 has no finite result</source>
        <translation>div에 {x} ÷ {d}이(가) 들어왔습니다: 0으로 나누면 유한한 결과가 없습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/nan_origin.py" line="91"/>
        <source>pow got 0 to the power {c}: 0 to a negative power is infinite</source>
        <translation>pow에 0의 {c}제곱이 들어왔습니다: 0의 음수 제곱은 무한대입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/nan_origin.py" line="95"/>
        <source>pow got {x} to the power {c}: a negative number to a fractional power is undefined</source>
        <translation>pow에 {x}의 {c}제곱이 들어왔습니다: 음수의 분수 제곱은 정의되지 않습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/nan_origin.py" line="101"/>
        <source>{op} got {x} and gave {y}: the result is too large or undefined</source>
        <translation>{op}에 {x}이(가) 들어와 {y}이(가) 나왔습니다: 결과가 너무 크거나 정의되지 않습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/nan_origin.py" line="112"/>
        <source>the derivative of sqrt, 1/(2√x), is infinite at x = {x}</source>
        <translation>sqrt의 도함수 1/(2√x)는 x = {x}에서 무한대입니다</translation>
    </message>
    <message>
        <location filename="../../tutor/nan_origin.py" line="116"/>
        <source>the derivative of x^{c}, {c}·x^({c}−1), is not finite at x = {x}</source>
        <translation>x^{c}의 도함수 {c}·x^({c}−1)는 x = {x}에서 유한하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/nan_origin.py" line="120"/>
        <source>the backward of {op} got gy = {gy} and gave gx = {gx} at x = {x}</source>
        <translation>{op}의 역전파에 gy = {gy}이(가) 들어와 x = {x}에서 gx = {gx}이(가) 나왔습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/nan_origin.py" line="151"/>
        <source>adding up the gradient of {v} gave {g}</source>
        <translation>{v}의 기울기를 더하니 {g}이(가) 되었습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/forward_trace.py" line="118"/>
        <source>step {step} of {count}: {op} — no input of it moves in this direction, so the tangent of {out} is 0 and its rule is not run</source>
        <translation>{count}단계 중 {step}단계: {op} — 이 방향으로 움직이는 입력이 없어 {out}의 접선값은 0이고 규칙을 실행하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../tutor/forward_trace.py" line="126"/>
        <source>step {step} of {count}: {op} computes {out} and, in the same pass, its tangent from its inputs&apos; tangents</source>
        <translation>{count}단계 중 {step}단계: {op}가 {out}을 계산하고, 같은 패스에서 입력의 접선값으로 {out}의 접선값도 계산합니다</translation>
    </message>
    <message>
        <location filename="../../tutor/mode_cost.py" line="50"/>
        <source>{inputs} inputs, {outputs} outputs: forward mode needs {fp} passes ({fo} operations), reverse mode {rp} backward passes ({ro} operations)</source>
        <translation>입력 {inputs}개, 출력 {outputs}개: 순방향 모드는 패스 {fp}번 (연산 {fo}개), 역방향 모드는 역전파 {rp}번 (연산 {ro}개)</translation>
    </message>
    <message>
        <location filename="../../tutor/backward_trace.py" line="86"/>
        <source>axis {axis}</source>
        <translation>축 {axis}</translation>
    </message>
    <message>
        <location filename="../../tutor/backward_trace.py" line="87"/>
        <source>axes {axes} and {last}</source>
        <translation>축 {axes}와 {last}</translation>
    </message>
    <message>
        <location filename="../../tutor/backward_trace.py" line="112"/>
        <source>the gradient of {name}, shape {shape}, is the sum of the {out_shape} gradient over {axes} — sum_to undoes the broadcast</source>
        <translation>형태가 {shape}인 {name}의 기울기는 {out_shape} 기울기를 {axes}에 대해 더한 것입니다 — sum_to가 브로드캐스트를 되돌립니다</translation>
    </message>
</context>
<context>
    <name>OptimizerPanel</name>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="66"/>
        <source>Rosenbrock, 100(x1 − x0²)² + (1 − x0)²: descent from (0, 2)</source>
        <translation>로젠브록 100(x1 − x0²)² + (1 − x0)²: (0, 2)에서 경사하강</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="67"/>
        <source>x⁴ − 2x²: Newton&apos;s method from x = 2</source>
        <translation>x⁴ − 2x²: x = 2에서 뉴턴 방법</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="68"/>
        <source>Saddle x² − y²: descent slides off the ridge</source>
        <translation>안장점 x² − y²: 경사하강이 능선에서 미끄러집니다</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="197"/>
        <source>Load a preset…</source>
        <translation>프리셋 불러오기…</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="201"/>
        <source>Replace the expression with a ready-made landscape</source>
        <translation>수식을 미리 준비된 지형으로 바꿉니다</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="202"/>
        <source>Gradient descent</source>
        <translation>경사하강법</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="203"/>
        <source>Newton&apos;s method (one variable)</source>
        <translation>뉴턴 방법 (변수 하나)</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="204"/>
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="205"/>
        <source>Moves</source>
        <translation>움직일 변수</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="210"/>
        <source>Each step moves by −(learning rate) × ∇f</source>
        <translation>한 단계마다 −(학습률) × ∇f만큼 움직입니다</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="206"/>
        <location filename="../panels/descent/optimizer_panel.py" line="208"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="212"/>
        <source>Steps taken between two redraws while running (about 60 redraws a second)</source>
        <translation>실행 중에 화면을 다시 그리는 사이에 진행할 단계 수 (초당 약 60번 다시 그림)</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="207"/>
        <location filename="../panels/descent/optimizer_panel.py" line="209"/>
        <source>Steps per frame</source>
        <translation>프레임당 단계</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="214"/>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="215"/>
        <source>Take one step</source>
        <translation>한 단계 진행합니다</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="216"/>
        <location filename="../panels/descent/optimizer_panel.py" line="272"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="217"/>
        <source>Keep stepping, redrawing about 60 times a second</source>
        <translation>계속 진행하며 초당 약 60번 다시 그립니다</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="218"/>
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="219"/>
        <source>Back to where the run started; forget the trail</source>
        <translation>실행을 시작한 곳으로 돌아가고 자취를 지웁니다</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="216"/>
        <location filename="../panels/descent/optimizer_panel.py" line="263"/>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="302"/>
        <source>Load preset {name}</source>
        <translation>프리셋 {name} 불러오기</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="391"/>
        <source>Optimizer method: {name}</source>
        <translation>최적화 방법: {name}</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="394"/>
        <source>Learning rate {lr}</source>
        <translation>학습률 {lr}</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="397"/>
        <source>Steps per frame {n}</source>
        <translation>프레임당 단계 {n}</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="465"/>
        <source>The engine failed: {error}</source>
        <translation>엔진 오류: {error}</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="513"/>
        <source>nothing: the expression has no variables</source>
        <translation>없음: 수식에 변수가 없습니다</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="517"/>
        <source>(holding {names} fixed)</source>
        <translation>({names} 고정)</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="521"/>
        <source>Iteration 0 — press Step or Run.</source>
        <translation>반복 0 — ‘한 단계’나 ‘실행’을 누르세요.</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="525"/>
        <source>Iteration &lt;b&gt;{n}&lt;/b&gt; &amp;nbsp; f = &lt;b&gt;{f}&lt;/b&gt; &amp;nbsp; ({names}) = ({coords})</source>
        <translation>반복 &lt;b&gt;{n}&lt;/b&gt; &amp;nbsp; f = &lt;b&gt;{f}&lt;/b&gt; &amp;nbsp; ({names}) = ({coords})</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="529"/>
        <source>f′ = {g}, f″ = {h}</source>
        <translation>f′ = {g}, f″ = {h}</translation>
    </message>
    <message>
        <location filename="../panels/descent/optimizer_panel.py" line="533"/>
        <source>|∇f| = {g}</source>
        <translation>|∇f| = {g}</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../panels/formula/button_palette.py" line="183"/>
        <source>new variable…</source>
        <translation>새 변수…</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="184"/>
        <source>Add a variable with a name of your choice</source>
        <translation>원하는 이름으로 변수를 추가합니다</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="185"/>
        <source>New variable</source>
        <translation>새 변수</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="186"/>
        <source>name, then Enter</source>
        <translation>이름 입력 후 Enter</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="187"/>
        <source>Name of the new variable</source>
        <translation>새 변수의 이름</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="189"/>
        <source>A name such as a, theta or x2; Enter adds it, Esc closes</source>
        <translation>a, theta, x2 같은 이름. Enter로 추가, Esc로 닫기</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="194"/>
        <source>decimal point</source>
        <translation>소수점</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="194"/>
        <source>Insert a decimal point (key .)</source>
        <translation>소수점 넣기 (키 .)</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="196"/>
        <source>Delete before the cursor</source>
        <translation>커서 앞 글자를 지웁니다</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="197"/>
        <source>Delete before the cursor: a whole sin( or + at once (key Backspace)</source>
        <translation>커서 앞 지우기: sin(이나 +를 한 번에 (키 Backspace)</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="200"/>
        <source>Clear the formula</source>
        <translation>식 지우기</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="201"/>
        <source>Empty the expression field (Ctrl+A, then Delete)</source>
        <translation>식 입력란 비우기 (Ctrl+A 다음 Delete)</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="203"/>
        <source>plus</source>
        <translation>더하기</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="203"/>
        <source>Insert + (key +)</source>
        <translation>+ 넣기 (키 +)</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="204"/>
        <source>minus</source>
        <translation>빼기</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="204"/>
        <source>Insert − (key -)</source>
        <translation>− 넣기 (키 -)</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="205"/>
        <source>times</source>
        <translation>곱하기</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="205"/>
        <source>Insert × (key *)</source>
        <translation>× 넣기 (키 *)</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="206"/>
        <source>divided by</source>
        <translation>나누기</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="206"/>
        <source>Insert ÷ (key /)</source>
        <translation>÷ 넣기 (키 /)</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="207"/>
        <source>to the power</source>
        <translation>거듭제곱</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="207"/>
        <source>Insert a power ^ (key ^)</source>
        <translation>거듭제곱 ^ 넣기 (키 ^)</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="209"/>
        <source>open parenthesis</source>
        <translation>여는 괄호</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="210"/>
        <source>Put ( ) around the selection, or insert a pair (key ()</source>
        <translation>선택한 부분을 ( )로 감싸거나 괄호 한 쌍 넣기 (키 ()</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="213"/>
        <source>close parenthesis</source>
        <translation>닫는 괄호</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="214"/>
        <source>Step over the next ), or close an open ( (key ))</source>
        <translation>다음 )를 건너가거나 열린 (를 닫기 (키 ))</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="216"/>
        <source>pi</source>
        <translation>파이</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="216"/>
        <source>Insert π = 3.14159… (type pi)</source>
        <translation>π = 3.14159… 넣기 (pi 입력)</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="217"/>
        <source>e, Euler&apos;s number</source>
        <translation>e, 오일러 수</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="217"/>
        <source>Insert e = 2.71828… (type e)</source>
        <translation>e = 2.71828… 넣기 (e 입력)</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="220"/>
        <source>Insert {digit} (key {digit})</source>
        <translation>{digit} 넣기 (키 {digit})</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="225"/>
        <source>function {name}</source>
        <translation>함수 {name}</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="228"/>
        <source>Insert {name}() with the cursor inside, or wrap the selection (type {name}( )</source>
        <translation>{name}()를 넣고 커서를 괄호 안에 두거나 선택한 부분을 감싸기 ({name}( 입력)</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="236"/>
        <source>variable {name}</source>
        <translation>변수 {name}</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="237"/>
        <source>Insert the variable {name} (type {name})</source>
        <translation>변수 {name} 넣기 ({name} 입력)</translation>
    </message>
    <message>
        <location filename="../panels/formula/button_palette.py" line="191"/>
        <source>clear</source>
        <translation>지우기</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <location filename="../panels/plot/plot_panel.py" line="66"/>
        <source>tangent at the point</source>
        <translation>그 점에서의 접선</translation>
    </message>
    <message>
        <location filename="../panels/plot/plot_panel.py" line="254"/>
        <location filename="../panels/plot/plot_panel.py" line="256"/>
        <source>Fit view</source>
        <translation>맞춰 보기</translation>
    </message>
    <message>
        <location filename="../panels/plot/plot_panel.py" line="255"/>
        <source>Fit the axes to the curves again (Ctrl+0)</source>
        <translation>축을 곡선에 다시 맞춥니다 (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../panels/plot/plot_panel.py" line="258"/>
        <source>Plot of f and its derivatives: click to move the point</source>
        <translation>f와 도함수의 그래프: 클릭해 점을 옮기세요</translation>
    </message>
    <message>
        <location filename="../panels/plot/plot_panel.py" line="291"/>
        <source>tangent</source>
        <translation>접선</translation>
    </message>
    <message>
        <location filename="../panels/plot/plot_panel.py" line="300"/>
        <source>f along {name}</source>
        <translation>{name}에 따른 f</translation>
    </message>
    <message>
        <location filename="../panels/plot/plot_panel.py" line="386"/>
        <source>f = {value} has no variable to plot along</source>
        <translation>f = {value}: 플롯의 가로축으로 쓸 변수가 없습니다</translation>
    </message>
    <message>
        <location filename="../panels/plot/plot_panel.py" line="426"/>
        <source>({values} held fixed)</source>
        <translation>({values} 고정)</translation>
    </message>
    <message>
        <location filename="../panels/plot/plot_panel.py" line="547"/>
        <source>{formula}   (at {point})</source>
        <translation>{formula}   ({point}에서)</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../controller.py" line="347"/>
        <source>Edit expression to {text}</source>
        <translation>수식을 {text}(으)로 편집</translation>
    </message>
    <message>
        <location filename="../controller.py" line="377"/>
        <source>Change {name} to {value}</source>
        <translation>{name}을(를) {value}(으)로 변경</translation>
    </message>
    <message>
        <location filename="../controller.py" line="414"/>
        <source>Move ({names}) to ({values})</source>
        <translation>({names})을(를) ({values})(으)로 이동</translation>
    </message>
    <message>
        <location filename="../controller.py" line="442"/>
        <source>Change range of {name}</source>
        <translation>{name}의 범위 변경</translation>
    </message>
    <message>
        <location filename="../controller.py" line="450"/>
        <source>&apos;{name}&apos; is not a valid variable name</source>
        <translation>&apos;{name}&apos;은(는) 올바른 변수 이름이 아닙니다</translation>
    </message>
    <message>
        <location filename="../controller.py" line="452"/>
        <source>&apos;{name}&apos; is a reserved name</source>
        <translation>&apos;{name}&apos;은(는) 예약된 이름입니다</translation>
    </message>
    <message>
        <location filename="../controller.py" line="463"/>
        <source>Add variable {name}</source>
        <translation>변수 {name} 추가</translation>
    </message>
    <message>
        <location filename="../controller.py" line="472"/>
        <source>Remove variable {name}</source>
        <translation>변수 {name} 삭제</translation>
    </message>
    <message>
        <location filename="../controller.py" line="482"/>
        <source>Plot along {name}</source>
        <translation>{name}을(를) 가로축으로 플롯</translation>
    </message>
    <message>
        <location filename="../controller.py" line="490"/>
        <source>Change plotted curves</source>
        <translation>플롯할 곡선 변경</translation>
    </message>
    <message>
        <location filename="../controller.py" line="511"/>
        <source>Change view settings</source>
        <translation>보기 설정 변경</translation>
    </message>
</context>
<context>
    <name>StepGraph</name>
    <message>
        <location filename="../panels/train/step_graph.py" line="34"/>
        <source>Linear {key}</source>
        <translation>Linear {key}</translation>
    </message>
    <message>
        <location filename="../panels/train/step_graph.py" line="109"/>
        <source>No step yet</source>
        <translation>아직 단계가 없습니다</translation>
    </message>
    <message>
        <location filename="../panels/train/step_graph.py" line="195"/>
        <source>∂L/∂W: blue &lt; 0 &lt; red, scaled to each one&apos;s largest</source>
        <translation>∂L/∂W: 파랑 &lt; 0 &lt; 빨강, 각각 가장 큰 값에 맞춘 눈금</translation>
    </message>
</context>
<context>
    <name>SwitchBanner</name>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="116"/>
        <source>Teaching mode on:</source>
        <translation>교육용 모드 켜짐:</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="118"/>
        <source>results show a bug the book fixes.</source>
        <translation>책에서 고치는 버그가 결과에 나타납니다.</translation>
    </message>
    <message>
        <location filename="../panels/lessons/lesson_panel.py" line="121"/>
        <source>Turn off</source>
        <translation>끄기</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <location filename="../panels/train/train_panel.py" line="286"/>
        <source>Hidden layers:</source>
        <translation>은닉층:</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="287"/>
        <source>Remove the last hidden layer</source>
        <translation>마지막 은닉층 빼기</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="288"/>
        <location filename="../panels/train/train_panel.py" line="412"/>
        <source>Remove a hidden layer</source>
        <translation>은닉층 빼기</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="289"/>
        <location filename="../panels/train/train_panel.py" line="290"/>
        <location filename="../panels/train/train_panel.py" line="407"/>
        <source>Add a hidden layer</source>
        <translation>은닉층 더하기</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="292"/>
        <source>Width of hidden layer {n}</source>
        <translation>은닉층 {n}의 너비</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="293"/>
        <source>Neurons in hidden layer {n}</source>
        <translation>은닉층 {n}의 뉴런 수</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="294"/>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="295"/>
        <source>The function between two Linear layers</source>
        <translation>두 Linear 층 사이의 함수</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="296"/>
        <source>Target:</source>
        <translation>목표:</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="297"/>
        <source>The book&apos;s noisy sin(2πx)</source>
        <translation>책의 잡음 섞인 sin(2πx)</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="298"/>
        <source>A formula in x</source>
        <translation>x의 식</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="299"/>
        <source>Target data</source>
        <translation>목표 데이터</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="300"/>
        <source>a formula in x, e.g. x^2 - 0.5</source>
        <translation>x의 식, 예: x^2 - 0.5</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="301"/>
        <source>Target formula</source>
        <translation>목표 식</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="302"/>
        <source>Optimizer:</source>
        <translation>최적화 기법:</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="306"/>
        <source>Optimizer</source>
        <translation>최적화 기법</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="307"/>
        <source>lr</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="308"/>
        <source>Learning rate (log scale)</source>
        <translation>학습률 (로그 눈금)</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="309"/>
        <source>Learning rate, from 0.0001 to 1 on a log scale</source>
        <translation>학습률, 로그 눈금으로 0.0001부터 1까지</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="310"/>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="311"/>
        <source>One training step</source>
        <translation>학습 한 단계</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="312"/>
        <source>One iteration: forward, backward, update</source>
        <translation>반복 한 번: 순전파, 역전파, 갱신</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="313"/>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="314"/>
        <source>Reset the weights</source>
        <translation>가중치 초기화</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="315"/>
        <source>Run or pause training</source>
        <translation>학습 실행 또는 일시 정지</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="316"/>
        <source>The fit over the data, and the loss</source>
        <translation>데이터 위의 맞춤 곡선과 손실</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="317"/>
        <source>One training step, by layer</source>
        <translation>층별로 본 학습 한 단계</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="318"/>
        <source>Backward, layer by layer:</source>
        <translation>역전파, 층별로:</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="319"/>
        <source>◀ Previous</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="320"/>
        <source>Previous layer of backward</source>
        <translation>역전파의 이전 층</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="321"/>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="322"/>
        <source>Next layer of backward</source>
        <translation>역전파의 다음 층</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="323"/>
        <source>Backward, layer by layer</source>
        <translation>역전파, 층별로</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="324"/>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="325"/>
        <source>Loss (log scale)</source>
        <translation>손실 (로그 눈금)</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="332"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="332"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="417"/>
        <source>Change the network&apos;s widths</source>
        <translation>신경망의 너비 바꾸기</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="423"/>
        <source>Change the activation to {name}</source>
        <translation>활성화 함수를 {name}(으)로 바꾸기</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="430"/>
        <source>Change the optimizer to {name}</source>
        <translation>최적화 기법을 {name}(으)로 바꾸기</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="438"/>
        <source>Change the learning rate</source>
        <translation>학습률 바꾸기</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="445"/>
        <source>Train on the book&apos;s data</source>
        <translation>책의 데이터로 학습</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="462"/>
        <source>Train on {formula}</source>
        <translation>{formula}(으)로 학습</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="519"/>
        <source>{net} network · not trained yet</source>
        <translation>{net} 신경망 · 아직 학습 전</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="521"/>
        <source>iteration {i} · loss {loss}</source>
        <translation>반복 {i} · 손실 {loss}</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="525"/>
        <source>diverged: lower the learning rate and Reset</source>
        <translation>발산했습니다: 학습률을 낮추고 초기화하세요</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="527"/>
        <source>{rate} it/s</source>
        <translation>초당 {rate}회</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="572"/>
        <source>{n}. {layer} → {gets}</source>
        <translation>{n}. {layer} → {gets}</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="581"/>
        <source>{op}.backward, gy {shape} ‖gy‖ = {norm}</source>
        <translation>{op}.backward, gy {shape} ‖gy‖ = {norm}</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="590"/>
        <source>{rule}  ({what}: no gradient)</source>
        <translation>{rule}  ({what}: 미분값 없음)</translation>
    </message>
    <message>
        <location filename="../panels/train/train_panel.py" line="592"/>
        <source>{rule}  → {what} {shape}, ‖g‖ = {norm}</source>
        <translation>{rule}  → {what} {shape}, ‖g‖ = {norm}</translation>
    </message>
</context>
<context>
    <name>ValueDisplay</name>
    <message>
        <location filename="../panels/formula/value_display.py" line="23"/>
        <source>undefined (NaN)</source>
        <translation>정의되지 않음 (NaN)</translation>
    </message>
    <message>
        <location filename="../panels/formula/value_display.py" line="76"/>
        <source>f at the point (right-click to copy)</source>
        <translation>그 점에서의 f (오른쪽 클릭으로 복사)</translation>
    </message>
    <message>
        <location filename="../panels/formula/value_display.py" line="77"/>
        <source>Copy Value</source>
        <translation>값 복사</translation>
    </message>
    <message>
        <location filename="../panels/formula/value_display.py" line="88"/>
        <source>f at {point}</source>
        <translation>{point}에서 f</translation>
    </message>
    <message>
        <location filename="../panels/formula/value_display.py" line="98"/>
        <source>from the last formula that worked</source>
        <translation>마지막으로 올바르게 계산된 수식의 값</translation>
    </message>
</context>
<context>
    <name>VariableRow</name>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="258"/>
        <source>Plot f along {name}</source>
        <translation>{name}을(를) 가로축으로 f 플롯</translation>
    </message>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="259"/>
        <source>Plot along {name}</source>
        <translation>{name}을(를) 가로축으로 플롯</translation>
    </message>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="260"/>
        <location filename="../panels/variables/variables_panel.py" line="261"/>
        <source>Value of {name}</source>
        <translation>{name}의 값</translation>
    </message>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="280"/>
        <source>How fast f changes when {name} moves, the others held still</source>
        <translation>다른 변수를 고정하고 {name}만 움직일 때 f가 변하는 빠르기</translation>
    </message>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="264"/>
        <location filename="../panels/variables/variables_panel.py" line="425"/>
        <source>Smallest value of {name}</source>
        <translation>{name}의 최솟값</translation>
    </message>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="265"/>
        <location filename="../panels/variables/variables_panel.py" line="426"/>
        <source>Largest value of {name}</source>
        <translation>{name}의 최댓값</translation>
    </message>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="262"/>
        <source>step</source>
        <translation>간격</translation>
    </message>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="266"/>
        <location filename="../panels/variables/variables_panel.py" line="427"/>
        <source>Slider step of {name}</source>
        <translation>{name} 슬라이더의 간격</translation>
    </message>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="276"/>
        <source>Remove {name} (f does not use it)</source>
        <translation>{name} 삭제 (f가 쓰지 않음)</translation>
    </message>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="278"/>
        <source>Remove {name}</source>
        <translation>{name} 제거</translation>
    </message>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="282"/>
        <source>f does not use {name}: moving it changes nothing</source>
        <translation>f는 {name}을(를) 쓰지 않습니다: 움직여도 아무것도 바뀌지 않습니다</translation>
    </message>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="373"/>
        <source>not a number</source>
        <translation>숫자가 아님</translation>
    </message>
</context>
<context>
    <name>VariablesPanel</name>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="497"/>
        <source>No variables yet: type a name such as x in the formula.</source>
        <translation>아직 변수가 없습니다. 수식에 x 같은 이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../panels/variables/variables_panel.py" line="501"/>
        <source>∂f/∂x is how fast f changes when x alone moves: the slope of the tangent in the plot. The engine gets every ∂f/∂· from one backward pass.</source>
        <translation>∂f/∂x는 x만 움직일 때 f가 변하는 빠르기, 곧 플롯에서 접선의 기울기입니다. 엔진은 역전파 한 번으로 모든 ∂f/∂·를 구합니다.</translation>
    </message>
</context>
</TS>
