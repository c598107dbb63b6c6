import type { ComponentProps, ReactNode } from 'react';
import { Icon } from '../ui/Icon.tsx';

interface Props {
  icon: ComponentProps<typeof Icon>['name'];
  title: ReactNode;
  /** One line under the title: what this inspector shows or what the user can do. */
  text: string;
  /** Extra class on the header (a layer's group colour). */
  className?: string;
}

/** The icon, title and one-line explanation at the top of every inspector. */
export function InspectorHead({ icon, title, text, className }: Props) {
  return (
    <header className={className ? `inspector__head ${className}` : 'inspector__head'}>
      <span className="inspector__icon">
        <Icon name={icon} size={18} />
      </span>
      <div>
        <h2>{title}</h2>
        <p>{text}</p>
      </div>
    </header>
  );
}
